#include "survey/export/comment_summary.hpp"

#include "survey/store/period_where.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>

namespace sw {

namespace {

// Words that carry no theme of their own: function words and the politeness every comment has.
bool isStopWord(std::string_view w) {
    static const std::set<std::string_view, std::less<>> kStop = {
        // Indonesian
        "ada", "adalah", "agar", "akan", "aku", "apa", "atau", "bagi", "banyak", "bapak", "belum", "biar", "bisa",
        "buat", "cukup", "dalam", "dan", "dari", "dengan", "dong", "gak", "harus", "hanya", "ibu", "ini", "itu",
        "jadi", "juga", "kalau", "kami", "karena", "kasih", "ke", "kita", "lagi", "lebih", "masih", "mau", "mohon",
        "nya", "oleh", "pada", "para", "perlu", "saja", "sama", "sangat", "saya", "sekali", "semua", "seperti",
        "sudah", "supaya", "tapi", "terima", "tetapi", "tidak", "untuk", "yang", "namun", "sebagai",
        // English
        "and", "are", "but", "for", "from", "has", "have", "not", "please", "that", "the", "there", "this", "too",
        "very", "was", "were", "with", "you", "your", "our", "can", "should", "would", "thank", "thanks", "more",
    };
    return kStop.count(w) > 0;
}

char lowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
// Letters and digits, and every byte of a multi-byte UTF-8 character (kept whole inside a word).
bool wordByte(char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u >= 0x80;
}

} // namespace

std::vector<std::string> commentWords(const std::string& comment) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < comment.size()) {
        while (i < comment.size() && !wordByte(comment[i])) ++i;
        std::string w;
        while (i < comment.size() && wordByte(comment[i])) w += lowerAscii(comment[i++]);
        if (w.size() < 3 || isStopWord(w)) continue;
        if (std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
        out.push_back(std::move(w));
    }
    return out;
}

void forEachComment(Store& store, const ResponseFilter& f, const std::function<bool(const CommentLine&)>& fn) {
    std::vector<std::string> binds;
    sql::Statement st(store.db(), "SELECT r.created_utc, r.utc_offset_min, r.service, r.comment FROM response r WHERE " +
                                      periodWhere(store, f, binds) + " AND r.comment<>'' ORDER BY r.created_utc DESC, r.rid DESC");
    for (std::size_t i = 0; i < binds.size(); ++i) st.bind(static_cast<int>(i) + 1, binds[i]);
    while (st.step()) {
        CommentLine c;
        c.createdUtc = st.getInt(0);
        c.utcOffsetMinutes = static_cast<int>(st.getInt(1));
        c.service = st.getText(2);
        c.comment = st.getText(3);
        if (!fn(c)) return;
    }
}

CommentSummary summarizeComments(Store& store, const ResponseFilter& f, std::size_t recent, std::size_t topWords) {
    CommentSummary s;
    std::map<std::string, std::int64_t, std::less<>> tally;
    forEachComment(store, f, [&](const CommentLine& c) {
        ++s.count;
        if (s.recent.size() < recent) s.recent.push_back(c);
        std::vector<std::string> words = commentWords(c.comment);
        std::sort(words.begin(), words.end());
        words.erase(std::unique(words.begin(), words.end()), words.end());
        for (auto& w : words) ++tally[w];
        return true;
    });
    for (auto& [w, n] : tally) s.words.push_back({w, n});
    std::stable_sort(s.words.begin(), s.words.end(), [](const WordCount& a, const WordCount& b) { return a.count > b.count; });
    if (s.words.size() > topWords) s.words.resize(topWords);
    return s;
}

} // namespace sw
