// libFuzzer target: the signed content of a bundle. Random bytes almost never carry a valid
// signature, so fuzz_bundle stops at the signature check; here the harness frames and signs the
// fuzzed payload with a fixed test key (bundle.hpp layout), so the JSON validation behind the
// signature, verify's streamed reading of the rows and the assessor's merge (sw::mergeBundle into
// an in-memory store) are reached. An input starting with '1' is framed as format 1 (JSON
// responses, plain Ed25519), with '2' as format 2 (the current lines, plain Ed25519), any other as
// format 3 (JSON header line + tab-separated response lines, rows.cpp; Ed25519ph). The three
// readers must agree (fuzz_readers.hpp). Documented refusals only: BundleError, StoreError,
// InstrumentError.
#include "fuzz_readers.hpp"

#include "survey/bundle/bundle.hpp"
#include "survey/base/error.hpp"
#include "survey/bundle/merge.hpp"
#include "survey/store/store.hpp"

#include <sodium.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

void putLe(std::string& out, std::uint64_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

struct TestKey {
    unsigned char pk[crypto_sign_PUBLICKEYBYTES];
    unsigned char sk[crypto_sign_SECRETKEYBYTES];
    TestKey() {
        if (sodium_init() < 0) __builtin_trap();
        unsigned char seed[crypto_sign_SEEDBYTES] = {};
        seed[0] = 42; // fixed: the same input gives the same bundle, so crashes reproduce
        crypto_sign_seed_keypair(pk, sk, seed);
    }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const TestKey key;
    std::uint32_t version = sw::kBundleFormatVersion;
    if (size > 0 && (data[0] == '1' || data[0] == '2')) {
        version = data[0] == '1' ? 1u : 2u;
        ++data;
        --size;
    }
    std::string bytes = "SWBUNDLE";
    putLe(bytes, version, 4);
    putLe(bytes, size, 8);
    bytes.append(reinterpret_cast<const char*>(data), size);
    unsigned char sig[crypto_sign_BYTES];
    if (version >= sw::kFirstPrehashedFormat) {
        crypto_sign_state st;
        crypto_sign_init(&st);
        crypto_sign_update(&st, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
        crypto_sign_final_create(&st, sig, nullptr, key.sk);
    } else {
        crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), key.sk);
    }
    bytes.append(reinterpret_cast<const char*>(key.pk), sizeof key.pk);
    bytes.append(reinterpret_cast<const char*>(sig), sizeof sig);

    try {
        if (swfuzz::readersAgree(bytes).refused) return 0;
        sw::Bundle b = sw::readBundle(bytes);
        sw::Store assessor(":memory:");
        sw::MergeOutcome first = sw::mergeBundle(assessor, b, "fuzz.swb", sw::KeyPolicy::EnrollNew);
        if (first.added > first.responses) __builtin_trap();
        // Idempotent: the same bundle again adds nothing.
        sw::MergeOutcome again = sw::mergeBundle(assessor, b, "fuzz.swb", sw::KeyPolicy::EnrollNew);
        if (again.added != 0) __builtin_trap();
        if (std::getenv("SW_FUZZ_VERBOSE")) std::fprintf(stderr, "merged %lld responses\n", static_cast<long long>(first.added));
    } catch (const std::runtime_error& e) {
        // Only the documented refusals; anything else escapes and libFuzzer reports it.
        if (!dynamic_cast<const sw::BundleError*>(&e) && !dynamic_cast<const sw::StoreError*>(&e) &&
            !dynamic_cast<const sw::InstrumentError*>(&e))
            throw;
        if (std::getenv("SW_FUZZ_VERBOSE")) std::fprintf(stderr, "refused: %s\n", e.what());
    }
    return 0;
}
