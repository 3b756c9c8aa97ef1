#include "survey/store/scan.hpp"

#include "survey/store/mapped_reads.hpp"
#include "survey/store/period_where.hpp"

#include <array>
#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <map>
#include <string_view>
#include <thread>

namespace sw {

namespace {

std::string_view textAt(sqlite3_stmt* st, int col) {
    const unsigned char* p = sqlite3_column_text(st, col);
    int n = sqlite3_column_bytes(st, col);
    return p ? std::string_view(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n)) : std::string_view();
}

} // namespace

int ExportRow::unsurValue(std::string_view code) const {
    int at = layout->unsurPosition(code);
    if (at < 0 || static_cast<std::size_t>(at) >= skm.size() || skm[static_cast<std::size_t>(at)] == kNotAnswered) return 0;
    return skm[static_cast<std::size_t>(at)] - '0';
}

int ExportRow::hamValue(std::string_view code) const {
    int at = layout->hamPosition(code);
    if (at < 0 || static_cast<std::size_t>(at) >= ham.size() || ham[static_cast<std::size_t>(at)] == kNotAnswered) return -1;
    return ham[static_cast<std::size_t>(at)] - '0';
}

std::optional<std::string_view> ExportRow::profileValue(std::string_view field) const {
    std::optional<std::string_view> out;
    forEachProfilePair(profile, [&](std::string_view f, std::string_view v) {
        if (f == field) out = v;
    });
    return out;
}

Response ExportRow::toResponse() const {
    Response r;
    r.uuid = uuid;
    r.instrumentId = instrumentId;
    r.instrumentVersion = instrumentVersion;
    r.unitId = unitId;
    r.deviceId = deviceId;
    r.createdUtc = createdUtc;
    r.utcOffsetMinutes = utcOffsetMinutes;
    r.service = service;
    layout->unpack(skm, ham, rentan, profile, r);
    r.adil = adil;
    r.comment = comment;
    r.misuse = misuse;
    r.durationSeconds = durationSeconds;
    r.source = source;
    return r;
}

namespace {

// The one row reader: `where` selects, rows come in rid order; layouts come from `layoutOf`.
template <class LayoutOf>
void readRows(sql::Database& db, const std::string& where, const std::vector<std::string>& binds, LayoutOf&& layoutOf,
              const std::function<bool(const ExportRow&)>& visit, std::optional<std::pair<std::int64_t, std::int64_t>> rids = {}) {
    sql::Statement main(db, "SELECT r.rid, r.uuid, r.instrument_id, r.instrument_version, r.unit_id, r.device_id, "
                            "r.created_utc, r.utc_offset_min, r.service, r.comment, r.adil, r.misuse, r.source, "
                            "r.duration_s, r.skm, r.ham, r.rentan, r.kelompok, r.profile FROM response r WHERE " +
                                where + (rids ? " AND r.rid BETWEEN ? AND ?" : "") + " ORDER BY r.rid");
    int n = 1;
    for (const auto& b : binds) main.bind(n++, b);
    if (rids) main.bind(n, rids->first).bind(n + 1, rids->second);

    ExportRow row;
    const PackedLayout* layout = nullptr;
    while (main.step()) {
        sqlite3_stmt* h = main.handle();
        row.rid = sqlite3_column_int64(h, 0);
        row.uuid = textAt(h, 1);
        row.instrumentId = textAt(h, 2);
        row.instrumentVersion = sqlite3_column_int(h, 3);
        row.unitId = textAt(h, 4);
        row.deviceId = textAt(h, 5);
        row.createdUtc = sqlite3_column_int64(h, 6);
        row.utcOffsetMinutes = sqlite3_column_int(h, 7);
        row.service = textAt(h, 8);
        row.comment = textAt(h, 9);
        row.adil = sqlite3_column_type(h, 10) == SQLITE_NULL ? std::nullopt : std::optional<bool>(sqlite3_column_int(h, 10) != 0);
        row.misuse = sqlite3_column_int(h, 11) != 0;
        row.source = textAt(h, 12);
        row.durationSeconds = sqlite3_column_type(h, 13) == SQLITE_NULL ? std::nullopt : std::optional<int>(sqlite3_column_int(h, 13));
        row.skm = textAt(h, 14);
        row.ham = textAt(h, 15);
        row.rentan = textAt(h, 16);
        row.kelompok = sqlite3_column_int(h, 17);
        row.profile = textAt(h, 18);
        if (!layout || layout->instrument().version != row.instrumentVersion || layout->instrument().id != row.instrumentId) {
            layout = layoutOf(row.instrumentId, row.instrumentVersion);
            if (!layout)
                throw StoreError(StoreError::Kind::Corrupt, db.path() + ": response " + std::string(row.uuid) + " names instrument " +
                                                                std::string(row.instrumentId) + " v" + std::to_string(row.instrumentVersion) +
                                                                ", which is not stored");
        }
        row.layout = layout;
        if (!visit(row)) return;
    }
}

} // namespace

void scanResponses(Store& store, const ResponseFilter& f, const std::function<bool(const ExportRow&)>& visit) {
    MappedReads mapped(store.db());
    std::vector<std::string> binds;
    const std::string where = periodWhere(store, f, binds);
    std::shared_ptr<const PackedLayout> held;
    readRows(store.db(), where, binds, [&](std::string_view id, int version) {
        held = store.layout(id, version);
        return held.get();
    }, visit);
}

namespace {

// Rows copied out of SQLite: the texts in one arena, the views fixed up once the batch is full
// (the arena may move while it grows).
struct RowBatch {
    static constexpr std::size_t kFields = 11;
    std::string arena;
    std::vector<ExportRow> rows;
    std::vector<std::array<std::pair<std::uint32_t, std::uint32_t>, kFields>> spans;

    static std::array<std::string_view ExportRow::*, kFields> fields() {
        return {&ExportRow::uuid,    &ExportRow::instrumentId, &ExportRow::unitId, &ExportRow::deviceId,
                &ExportRow::service, &ExportRow::comment,      &ExportRow::source, &ExportRow::skm,
                &ExportRow::ham,     &ExportRow::rentan,       &ExportRow::profile};
    }
    void add(const ExportRow& r) {
        rows.push_back(r);
        auto& sp = spans.emplace_back();
        std::size_t i = 0;
        for (auto field : fields()) {
            const std::string_view v = r.*field;
            sp[i++] = {static_cast<std::uint32_t>(arena.size()), static_cast<std::uint32_t>(v.size())};
            arena.append(v);
        }
    }
    void seal() {
        for (std::size_t k = 0; k < rows.size(); ++k) {
            std::size_t i = 0;
            for (auto field : fields()) {
                rows[k].*field = std::string_view(arena.data() + spans[k][i].first, spans[k][i].second);
                ++i;
            }
        }
    }
    void clear() {
        arena.clear();
        rows.clear();
        spans.clear();
    }
};

} // namespace

void scanResponsesInParallel(Store& store, const ResponseFilter& f, const std::function<bool(const ExportRow&)>& visit) {
    constexpr std::size_t kBatchRows = 4096, kInFlight = 4;
    std::mutex lock;
    std::condition_variable changed;
    std::deque<std::unique_ptr<RowBatch>> full, spare;
    bool done = false, stop = false;
    std::exception_ptr failed;

    std::thread reader([&] {
        auto batch = std::make_unique<RowBatch>();
        auto handOver = [&] {
            batch->seal();
            std::unique_lock<std::mutex> hold(lock);
            changed.wait(hold, [&] { return stop || full.size() < kInFlight; });
            full.push_back(std::move(batch));
            if (!spare.empty()) {
                batch = std::move(spare.front());
                spare.pop_front();
            } else {
                batch = std::make_unique<RowBatch>();
            }
            changed.notify_all();
            return !stop;
        };
        try {
            scanResponses(store, f, [&](const ExportRow& r) {
                batch->add(r);
                return batch->rows.size() < kBatchRows || handOver();
            });
            if (!batch->rows.empty()) handOver();
        } catch (...) {
            std::lock_guard<std::mutex> hold(lock);
            failed = std::current_exception();
        }
        std::lock_guard<std::mutex> hold(lock);
        done = true;
        changed.notify_all();
    });

    try {
        for (;;) {
            std::unique_ptr<RowBatch> batch;
            {
                std::unique_lock<std::mutex> hold(lock);
                changed.wait(hold, [&] { return !full.empty() || done; });
                if (full.empty()) break;
                batch = std::move(full.front());
                full.pop_front();
                changed.notify_all();
            }
            bool more = true;
            for (const ExportRow& r : batch->rows)
                if (!(more = visit(r))) break;
            batch->clear();
            std::lock_guard<std::mutex> hold(lock);
            spare.push_back(std::move(batch));
            if (!more) {
                stop = true;
                changed.notify_all();
                break;
            }
        }
    } catch (...) {
        {
            std::lock_guard<std::mutex> hold(lock);
            stop = true;
            changed.notify_all();
        }
        reader.join();
        throw;
    }
    reader.join();
    if (failed) std::rethrow_exception(failed);
}

void formatResponsesInParallel(Store& store, const ResponseFilter& f, const std::function<RowFormatter()>& makeFormatter,
                               const std::function<void(std::string_view row)>& emit) {
    // A store without a file (":memory:") cannot be opened a second time: format on this thread.
    if (store.path().empty() || store.path() == ":memory:") {
        RowFormatter format = makeFormatter();
        std::string line;
        scanResponses(store, f, [&](const ExportRow& r) {
            line.clear();
            format(r, line);
            emit(line);
            return true;
        });
        return;
    }
    // Every stored version's layout, prepared before the workers start (the Store's cache is not
    // shared between threads).
    std::map<std::pair<std::string, int>, std::shared_ptr<const PackedLayout>, std::less<>> layouts;
    {
        sql::Statement st(store.db(), "SELECT id, version FROM instrument");
        while (st.step()) {
            auto l = store.layout(st.getText(0), static_cast<int>(st.getInt(1)));
            if (l) layouts[{st.getText(0), static_cast<int>(st.getInt(1))}] = l;
        }
    }
    const std::int64_t lo = store.db().scalarInt("SELECT coalesce(min(rid), 1) FROM response");
    const std::int64_t hi = store.db().scalarInt("SELECT coalesce(max(rid), 0) FROM response");
    std::vector<std::string> binds;
    const std::string where = periodWhere(store, f, binds);
    constexpr std::int64_t kChunk = 32768;
    const std::int64_t chunks = hi >= lo ? (hi - lo) / kChunk + 1 : 0;

    struct Chunk {
        std::string text;
        std::vector<std::uint32_t> ends; // row i is text[ends[i-1], ends[i])
        bool ready = false;
    };
    std::mutex lock;
    std::condition_variable changed;
    std::map<std::int64_t, Chunk> done;   // finished chunks not yet emitted
    std::vector<Chunk> spare;             // emitted chunks, their memory reused (no fresh pages)
    std::int64_t next = 0;                // the next chunk a worker takes
    std::int64_t emitted = 0;             // chunks emitted so far
    bool stop = false;
    std::exception_ptr failed;
    constexpr std::int64_t kAhead = 6;    // chunks in memory at most (~6 × 8 MB)

    auto work = [&] {
        try {
            sql::Database db(store.path(), SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX);
            db.exec("PRAGMA mmap_size=1073741824");
            RowFormatter format = makeFormatter();
            auto layoutOf = [&](std::string_view id, int version) -> const PackedLayout* {
                auto it = layouts.find(std::pair<std::string, int>(std::string(id), version));
                return it == layouts.end() ? nullptr : it->second.get();
            };
            for (;;) {
                std::int64_t c;
                {
                    std::unique_lock<std::mutex> hold(lock);
                    changed.wait(hold, [&] { return stop || next >= chunks || next < emitted + kAhead; });
                    if (stop || next >= chunks) return;
                    c = next++;
                }
                Chunk chunk;
                {
                    std::lock_guard<std::mutex> hold(lock);
                    if (!spare.empty()) {
                        chunk = std::move(spare.back());
                        spare.pop_back();
                    }
                }
                chunk.text.clear();
                chunk.ends.clear();
                chunk.text.reserve(static_cast<std::size_t>(kChunk) * 320);
                chunk.ends.reserve(static_cast<std::size_t>(kChunk));
                readRows(db, where, binds, layoutOf, [&](const ExportRow& r) {
                    format(r, chunk.text);
                    chunk.ends.push_back(static_cast<std::uint32_t>(chunk.text.size()));
                    return true;
                }, std::make_pair(lo + c * kChunk, std::min(hi, lo + (c + 1) * kChunk - 1)));
                std::lock_guard<std::mutex> hold(lock);
                chunk.ready = true;
                done[c] = std::move(chunk);
                changed.notify_all();
            }
        } catch (...) {
            std::lock_guard<std::mutex> hold(lock);
            if (!failed) failed = std::current_exception();
            stop = true;
            changed.notify_all();
        }
    };
    std::thread a(work), b(work);
    auto finish = [&] {
        {
            std::lock_guard<std::mutex> hold(lock);
            stop = true;
            changed.notify_all();
        }
        a.join();
        b.join();
    };
    try {
        while (emitted < chunks) {
            Chunk chunk;
            {
                std::unique_lock<std::mutex> hold(lock);
                changed.wait(hold, [&] { return failed || done.count(emitted); });
                if (failed) break;
                chunk = std::move(done[emitted]);
                done.erase(emitted);
                ++emitted;
                changed.notify_all();
            }
            std::uint32_t start = 0;
            for (std::uint32_t end : chunk.ends) {
                emit(std::string_view(chunk.text.data() + start, end - start));
                start = end;
            }
            std::lock_guard<std::mutex> hold(lock);
            spare.push_back(std::move(chunk));
        }
    } catch (...) {
        finish();
        throw;
    }
    finish();
    if (failed) std::rethrow_exception(failed);
}

ColumnMap::ColumnMap(std::vector<std::string> unsurCodes, std::vector<std::string> hamCodes)
    : unsurCodes_(std::move(unsurCodes)), hamCodes_(std::move(hamCodes)), unsurAt_(unsurCodes_.size(), -1), hamAt_(hamCodes_.size(), -1) {}

void ColumnMap::use(const PackedLayout& layout) {
    if (current_ == &layout) return;
    current_ = &layout;
    for (std::size_t j = 0; j < unsurCodes_.size(); ++j) unsurAt_[j] = layout.unsurPosition(unsurCodes_[j]);
    for (std::size_t j = 0; j < hamCodes_.size(); ++j) hamAt_[j] = layout.hamPosition(hamCodes_[j]);
}

void forEachResponse(Store& store, const ResponseFilter& f, const std::function<bool(const Response&)>& visit) {
    scanResponses(store, f, [&](const ExportRow& row) { return visit(row.toResponse()); });
}

} // namespace sw
