#include "survey/bundle/verify_file.hpp"

#include "survey/bundle/payload.hpp"

#include <optional>

namespace sw {

namespace {

BundleSummary summaryOf(Bundle b) {
    BundleSummary s;
    s.responses = static_cast<std::int64_t>(b.responses.size());
    for (const auto& r : b.responses) s.misuse += r.misuse ? 1 : 0;
    s.bundle = std::move(b);
    return s;
}

// The second pass over a verified format-3 file: the head, then the response lines a chunk at a time.
class StreamedContent {
public:
    StreamedContent(const EnvelopeFile& file, const VerifiedEnvelope& v) : in_(file) { summary_.bundle = bundleFromEnvelope(v); }

    BundleSummary read() {
        const nlohmann::json head = parseBundleHead(headLine());
        const std::int64_t announced = readBundleHead(head, summary_.bundle);
        readRows();
        checkResponseCount(announced, static_cast<std::size_t>(summary_.responses));
        return std::move(summary_);
    }
    // The BLAKE2b of the whole payload, what is left of it read to the end.
    std::string finish() { return in_.finish(); }

private:
    std::string headLine() {
        for (std::size_t searched = 0; pending_.find('\n', searched) == std::string::npos;) {
            searched = pending_.size();
            if (!in_.readInto(pending_)) break;
        }
        std::string head(bundleHeadText(pending_, summary_.bundle.formatVersion)); // refused without a newline
        pending_.erase(0, head.size() + 1);
        return head;
    }

    // Whole lines are checked and dropped; a line cut by the chunk's end waits for the next chunk.
    void readRows() {
        for (bool more = true; more;) {
            more = in_.readInto(pending_);
            const std::size_t whole = more ? pending_.rfind('\n') + 1 : pending_.size(); // npos + 1 == 0
            const auto rows = parseBundleRows(pending_, 0, whole, summary_.bundle.layouts,
                                              static_cast<std::size_t>(summary_.responses) + 1);
            summary_.responses += static_cast<std::int64_t>(rows.size());
            for (const auto& r : rows) summary_.misuse += r.misuse ? 1 : 0;
            pending_.erase(0, whole);
        }
    }

    PayloadReader in_;
    std::string pending_;
    BundleSummary summary_;
};

[[noreturn]] void refuseChanged() {
    throw BundleError(BundleError::Kind::BadSignature, "the file changed while it was read: what was read after the signature "
                                                       "check is not what was signed; refused (copy it again)");
}

BundleSummary readVerifiedContent(const EnvelopeFile& file, const VerifiedEnvelope& v) {
    StreamedContent content(file, v);
    std::optional<BundleSummary> summary;
    std::optional<BundleError> refused;
    try {
        summary = content.read();
    } catch (const BundleError& e) {
        refused = e;
    }
    // Judged only once the whole payload was read again and found to be the one verified: a file
    // changed between the passes is "changed", never some content error of the changed bytes.
    if (content.finish() != v.id) refuseChanged();
    if (refused) throw *refused;
    return std::move(*summary);
}

} // namespace

BundleSummary verifyBundleFile(const std::string& path) {
    return namingFile(path, [&] {
        const EnvelopeFile file(path);
        if (!prehashedFormat(file.claims().version)) return summaryOf(readBundle(readVerifiedFile(file)));
        const VerifiedEnvelope v = verifyEnvelopeFile(file);
        return readVerifiedContent(file, v);
    });
}

} // namespace sw
