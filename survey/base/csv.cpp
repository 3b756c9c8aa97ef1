#include "survey/base/csv.hpp"

#include "survey/base/error.hpp"

namespace sw {

// Kept whole: one state machine over the bytes; splitting it would scatter its state.
std::vector<CsvRow> parseCsv(std::string_view text, const std::string& fileName) {
    std::vector<CsvRow> rows;
    std::size_t i = 0;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
    long line = 1;
    std::size_t lineStart = i >= 3 ? 3 : 0;
    auto col = [&](std::size_t at) { return static_cast<int>(at - lineStart + 1); };

    CsvRow row;
    row.line = line;
    std::string cell;
    bool any = false;
    while (i < text.size()) {
        char c = text[i];
        if (row.cells.size() == row.columns.size()) row.columns.push_back(col(i));
        if (c == '"' && cell.empty()) {
            // Quoted field.
            long startLine = line;
            int startCol = col(i);
            ++i;
            bool closed = false;
            while (i < text.size()) {
                char q = text[i];
                if (q == '"') {
                    if (i + 1 < text.size() && text[i + 1] == '"') {
                        cell += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    closed = true;
                    break;
                }
                if (q == '\n') {
                    ++line;
                    lineStart = i + 1;
                }
                cell += q;
                ++i;
            }
            if (!closed) throw ImportError(fileName, startLine, startCol, "a quoted field is never closed");
            if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r')
                throw ImportError(fileName, line, col(i), "unexpected character after a closing quote");
            any = true;
            continue;
        }
        if (c == '"') throw ImportError(fileName, line, col(i), "a quote inside an unquoted field (quote the whole field)");
        if (c == ',') {
            row.cells.push_back(std::move(cell));
            cell.clear();
            any = true;
            ++i;
            if (i >= text.size() || text[i] == '\n' || text[i] == '\r') row.columns.push_back(col(i));
            continue;
        }
        if (c == '\r' || c == '\n') {
            if (any || !cell.empty()) {
                row.cells.push_back(std::move(cell));
                rows.push_back(std::move(row));
            }
            cell.clear();
            row = CsvRow{};
            any = false;
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            ++i;
            ++line;
            lineStart = i;
            row.line = line;
            continue;
        }
        cell += c;
        any = true;
        ++i;
    }
    if (any || !cell.empty()) {
        row.cells.push_back(std::move(cell));
        rows.push_back(std::move(row));
    }
    for (auto& r : rows) r.columns.resize(r.cells.size(), r.columns.empty() ? 1 : r.columns.back());
    return rows;
}

std::string csvField(std::string_view v) {
    bool quote = v.find_first_of(",\"\r\n") != std::string_view::npos;
    if (!quote) return std::string(v);
    std::string out = "\"";
    for (char c : v) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

bool looksLikeFormula(std::string_view v) {
    // Quotes before a formula count too, so the mark csvTextField adds can always be taken off again.
    while (!v.empty() && v.front() == '\'') v.remove_prefix(1);
    return !v.empty() && std::string_view("=+-@\t\r").find(v.front()) != std::string_view::npos;
}

std::string csvTextValue(std::string_view cell) {
    if (cell.size() > 1 && cell.front() == '\'' && looksLikeFormula(cell.substr(1))) cell.remove_prefix(1);
    return std::string(cell);
}

std::string csvTextField(std::string_view v) {
    if (looksLikeFormula(v))
        return csvField("'" + std::string(v));
    return csvField(v);
}

} // namespace sw
