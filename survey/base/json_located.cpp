#include "survey/base/json_located.hpp"

#include "survey/base/error.hpp"

#include <iterator>
#include <vector>

namespace sw {

namespace {

// Line and column of offsets asked for mostly in increasing order, each counted on from the one
// before: the parser asks for every token's, and counting from the start each time made parsing
// quadratic in the document's size (an instrument's 20 kB, a bundle's instruments).
class LineCounter {
public:
    explicit LineCounter(std::string_view text) : text_(text) {}

    SourcePos at(std::size_t offset) {
        if (offset > text_.size()) offset = text_.size();
        if (offset < offset_) { // behind the last one asked for: count again from the start
            offset_ = 0;
            pos_ = SourcePos{};
        }
        for (; offset_ < offset; ++offset_) {
            if (text_[offset_] == '\n') {
                ++pos_.line;
                pos_.column = 1;
            } else {
                ++pos_.column;
            }
        }
        return pos_;
    }

private:
    std::string_view text_;
    std::size_t offset_ = 0;
    SourcePos pos_;
};

} // namespace

SourcePos positionOf(std::string_view text, std::size_t offset) { return LineCounter(text).at(offset); }

namespace {

// An input iterator that publishes how far the nlohmann lexer has read, so SAX events know
// where they are in the text.
struct TrackingIterator {
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    const char* p = nullptr;
    const char** cursor = nullptr;

    reference operator*() const { return *p; }
    TrackingIterator& operator++() {
        ++p;
        *cursor = p;
        return *this;
    }
    TrackingIterator operator++(int) {
        auto old = *this;
        ++*this;
        return old;
    }
    bool operator==(const TrackingIterator& o) const { return p == o.p; }
    bool operator!=(const TrackingIterator& o) const { return p != o.p; }
};

} // namespace

// Builds the DOM like json_sax_dom_parser and records each value's start position.
class LocatingSax {
public:
    using json = nlohmann::json;
    LocatingSax(LocatedJson& out, std::string_view text, const char** cursor)
        : out_(out), text_(text), cursor_(cursor) {}

    bool null() { return value(json(nullptr), false); }
    bool boolean(bool v) { return value(json(v), false); }
    bool number_integer(json::number_integer_t v) { return value(json(v), false); }
    bool number_unsigned(json::number_unsigned_t v) { return value(json(v), false); }
    bool number_float(json::number_float_t v, const std::string&) { return value(json(v), false); }
    bool string(json::string_t& v) { return value(json(v), true); }
    bool binary(json::binary_t&) { return false; }

    bool start_object(std::size_t) {
        record(false);
        push(json::object());
        return true;
    }
    bool key(json::string_t& k) {
        pendingKey_ = k;
        keyPos_ = tokenStart(true);
        return true;
    }
    bool end_object() { return pop(); }
    bool start_array(std::size_t) {
        record(false);
        push(json::array());
        return true;
    }
    bool end_array() { return pop(); }

    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) {
        // nlohmann's message carries its own "at line x, column y"; keep only the reason.
        std::string msg = ex.what();
        auto pos = msg.find(": ");
        auto reason = msg.rfind(": ");
        std::string what = reason != std::string::npos ? msg.substr(reason + 2) : msg;
        (void)pos;
        SourcePos at = positionOf(text_, position > 0 ? position - 1 : 0);
        throw InstrumentError(out_.file_, at.line, at.column, "invalid JSON: " + what);
    }

private:
    struct Frame {
        json* node;
        std::string pointer;
    };

    SourcePos tokenStart(bool isString) {
        std::size_t end = static_cast<std::size_t>(*cursor_ - text_.data());
        if (end > text_.size()) end = text_.size();
        std::size_t i = end == 0 ? 0 : end - 1;
        if (isString) {
            // The lexer has just consumed the closing quote; walk back to the opening one.
            while (i > 0 && text_[i] != '"') --i;
            if (i > 0) --i;
            while (i > 0 && !(text_[i] == '"' && text_[i - 1] != '\\')) --i;
        }
        return lines_.at(i);
    }

    std::string childPointer() const {
        if (stack_.empty()) return "";
        const Frame& top = stack_.back();
        if (top.node->is_object()) return top.pointer + "/" + escape(pendingKey_);
        return top.pointer + "/" + std::to_string(top.node->size());
    }

    static std::string escape(const std::string& key) {
        std::string out;
        for (char c : key) {
            if (c == '~') out += "~0";
            else if (c == '/') out += "~1";
            else out += c;
        }
        return out;
    }

    void record(bool isString) {
        SourcePos pos = tokenStart(isString);
        if (!stack_.empty() && stack_.back().node->is_object()) pos = keyPos_;
        out_.positions_[childPointer()] = pos;
    }

    json* attach(json&& v) {
        if (stack_.empty()) {
            out_.root_ = std::move(v);
            return &out_.root_;
        }
        json& parent = *stack_.back().node;
        if (parent.is_object()) {
            parent[pendingKey_] = std::move(v);
            return &parent[pendingKey_];
        }
        parent.push_back(std::move(v));
        return &parent.back();
    }

    bool value(json&& v, bool isString) {
        record(isString);
        attach(std::move(v));
        return true;
    }

    void push(json&& container) {
        std::string ptr = childPointer();
        json* node = attach(std::move(container));
        stack_.push_back({node, ptr});
    }

    bool pop() {
        stack_.pop_back();
        return true;
    }

    LocatedJson& out_;
    std::string_view text_;
    LineCounter lines_{text_};
    const char** cursor_;
    std::vector<Frame> stack_;
    std::string pendingKey_;
    SourcePos keyPos_;
};

LocatedJson LocatedJson::parse(std::string_view text, const std::string& file) {
    LocatedJson out;
    out.file_ = file;
    const char* cursor = text.data();
    TrackingIterator first{text.data(), &cursor};
    TrackingIterator last{text.data() + text.size(), &cursor};
    LocatingSax sax(out, text, &cursor);
    nlohmann::json::sax_parse(first, last, &sax);
    return out;
}

SourcePos LocatedJson::at(const std::string& pointer) const {
    std::string p = pointer;
    while (true) {
        auto it = positions_.find(p);
        if (it != positions_.end()) return it->second;
        if (p.empty()) return {};
        auto slash = p.rfind('/');
        p = slash == std::string::npos ? "" : p.substr(0, slash);
    }
}

void LocatedJson::fail(const std::string& pointer, const std::string& problem) const {
    SourcePos p = at(pointer);
    throw InstrumentError(file_, p.line, p.column, problem);
}

} // namespace sw
