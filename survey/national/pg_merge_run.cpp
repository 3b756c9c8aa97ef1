#include "survey/national/pg_merge_run.hpp"

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

namespace sw::pg {

namespace {

// A small blocking queue: a producer waits while `capacity` items are waiting.
template <class T>
class Queue {
public:
    explicit Queue(std::size_t capacity) : capacity_(capacity) {}
    // False when the queue was closed meanwhile (the item is dropped).
    bool push(T item) {
        std::unique_lock<std::mutex> hold(lock_);
        changed_.wait(hold, [this] { return closed_ || items_.size() < capacity_; });
        if (closed_) return false;
        items_.push_back(std::move(item));
        changed_.notify_all();
        return true;
    }
    // Empty once the queue is closed and drained.
    std::optional<T> pop() {
        std::unique_lock<std::mutex> hold(lock_);
        changed_.wait(hold, [this] { return closed_ || !items_.empty(); });
        if (items_.empty()) return std::nullopt;
        T item = std::move(items_.front());
        items_.pop_front();
        changed_.notify_all();
        return item;
    }
    void close() {
        std::lock_guard<std::mutex> hold(lock_);
        closed_ = true;
        changed_.notify_all();
    }

private:
    const std::size_t capacity_;
    std::mutex lock_;
    std::condition_variable changed_;
    std::deque<T> items_;
    bool closed_ = false;
};

// Prepares the files in order on its own thread, at most two ahead of the writers.
class Reader {
public:
    Reader(const std::vector<std::string>& files, std::set<std::string> merged)
        : files_(files), merged_(std::move(merged)), ready_(2), thread_([this] { run(); }) {}
    ~Reader() {
        ready_.close();
        thread_.join();
    }
    PreparedFile next() { return std::move(*ready_.pop()); }

private:
    void run() {
        for (const std::string& file : files_)
            if (!ready_.push(prepareFile(file, merged_))) return;
    }
    const std::vector<std::string>& files_;
    const std::set<std::string> merged_;
    Queue<PreparedFile> ready_;
    std::thread thread_;
};

struct Job {
    std::size_t index = 0;
    PreparedFile prepared;
};

// The writers: one thread and one connection each. The first failure of the store itself stops
// them all and is thrown again to the caller.
class Writers {
public:
    Writers(const std::vector<Connection*>& connections, Partitions& partitions, const std::vector<std::string>& files,
            KeyPolicy keys, std::vector<MergeFileResult>& results)
        : partitions_(partitions), files_(files), keys_(keys), results_(results) {
        for (std::size_t i = 0; i < connections.size(); ++i) queues_.push_back(std::make_unique<Queue<Job>>(2));
        for (std::size_t i = 0; i < connections.size(); ++i)
            threads_.emplace_back([this, i, c = connections[i]] {
                try {
                    work(*queues_[i], *c);
                } catch (...) {
                    fail(std::current_exception());
                }
            });
    }
    ~Writers() { finish(); }

    // Every bundle of a unit to the same writer; files refused or merged before to any.
    bool dispatch(Job job) {
        const std::size_t n = queues_.size();
        const std::size_t w = job.prepared.bundle ? std::hash<std::string>{}(job.prepared.bundle->unit.id) % n : job.index % n;
        return queues_[w]->push(std::move(job));
    }

    // Waits for the writers; throws the store's failure if there was one.
    void finish() {
        for (auto& q : queues_) q->close();
        for (auto& t : threads_)
            if (t.joinable()) t.join();
    }
    void rethrow() {
        if (failure_) std::rethrow_exception(failure_);
    }

private:
    void work(Queue<Job>& queue, Connection& c) {
        while (std::optional<Job> job = queue.pop()) {
            const std::string& file = files_[job->index];
            results_[job->index] = mergePrepared(c, std::move(job->prepared), file, keys_, partitions_);
        }
    }
    void fail(std::exception_ptr e) {
        {
            std::lock_guard<std::mutex> hold(lock_);
            if (!failure_) failure_ = e;
        }
        for (auto& q : queues_) q->close();
    }

    Partitions& partitions_;
    const std::vector<std::string>& files_;
    const KeyPolicy keys_;
    std::vector<MergeFileResult>& results_;
    std::vector<std::unique_ptr<Queue<Job>>> queues_;
    std::vector<std::thread> threads_;
    std::mutex lock_;
    std::exception_ptr failure_;
};

} // namespace

std::vector<MergeFileResult> mergeRun(Connection& first, const std::function<std::unique_ptr<Connection>()>& connect,
                                      int connections, Partitions& partitions, const std::vector<std::string>& files,
                                      KeyPolicy keys) {
    std::set<std::string> merged;
    {
        Result r = first.query("SELECT id FROM merged_bundle");
        for (int i = 0; i < r.rows(); ++i) merged.insert(r.str(i, 0));
    }
    // The extra connections; a server that refuses more (max_connections) gets fewer writers.
    std::vector<std::unique_ptr<Connection>> own;
    std::vector<Connection*> writing = {&first};
    for (int i = 1; i < connections; ++i) {
        try {
            own.push_back(connect());
        } catch (const StoreError&) {
            break;
        }
        writing.push_back(own.back().get());
    }
    std::vector<MergeFileResult> results(files.size());
    {
        Reader reader(files, std::move(merged));
        Writers writers(writing, partitions, files, keys, results);
        for (std::size_t i = 0; i < files.size(); ++i)
            if (!writers.dispatch(Job{i, reader.next()})) break; // a writer failed: stop reading
        writers.finish();
        writers.rethrow();
    }
    return results;
}

} // namespace sw::pg
