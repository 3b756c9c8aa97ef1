// The Kanwil's own key and the unit's trust in it: made once and never replaced, readable only by
// its owner, and a unit that trusts one key does not silently take another.
#include "survey/test_helpers.hpp"

#include "survey/base/error.hpp"
#include "survey/national/kanwil_key.hpp"
#include "survey/store/store.hpp"

#include <catch2/catch.hpp>

#include <sys/stat.h>

using namespace sw;

TEST_CASE("The Kanwil key is made once, kept 0600 and signs what its public key verifies", "[kanwil][trust]") {
    swtest::TempDir d;
    const std::string path = KanwilKey::keyPathFor(d.file("kanwil.db"));
    CHECK(path == d.file("kanwil.db") + ".kanwil-key");
    CHECK_THROWS_AS(KanwilKey::load(path), SigningError);
    const KanwilKey made = KanwilKey::create(path);
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK_THROWS_AS(KanwilKey::create(path), SigningError);
    const KanwilKey loaded = KanwilKey::load(path);
    CHECK(loaded.publicKey() == made.publicKey());
    const Signature sig = loaded.sign("receipt 1");
    CHECK(verifySignature(made.publicKey(), sig, "receipt 1"));
    CHECK_FALSE(verifySignature(made.publicKey(), sig, "receipt 2"));
    CHECK_THROWS_AS(KanwilKey::keyPathFor("postgresql://localhost/kanwil"), UsageError);
    CHECK(KanwilKey::keyPathFor("postgresql://localhost/kanwil", "/k/key") == "/k/key");
}

TEST_CASE("A unit trusts one Kanwil key and replaces it only when told", "[kanwil][trust]") {
    swtest::TempDir d;
    const KanwilKey a = KanwilKey::create(d.file("a.key"));
    const KanwilKey b = KanwilKey::create(d.file("b.key"));
    Store s(d.file("unit.db"));
    CHECK_FALSE(trustedKanwilKey(s).has_value());
    trustKanwil(s, a.publicKey(), "https://kanwil.example/sw", false);
    CHECK(*trustedKanwilKey(s) == a.publicKey());
    CHECK(kanwilUrl(s) == "https://kanwil.example/sw");
    CHECK_THROWS_AS(trustKanwil(s, b.publicKey(), "", false), SigningError);
    CHECK(*trustedKanwilKey(s) == a.publicKey());
    CHECK_THROWS_AS(trustKanwil(s, a.publicKey(), "file:///etc/passwd", false), UsageError);
    CHECK_THROWS_AS(trustKanwil(s, a.publicKey(), "https://x y", false), UsageError);
    CHECK(kanwilUrl(s) == "https://kanwil.example/sw");
    trustKanwil(s, b.publicKey(), "", true);
    CHECK(*trustedKanwilKey(s) == b.publicKey());
    CHECK(s.setting("kanwil.fingerprint") == b.fingerprint());
    CHECK_FALSE(publicKeyFromHex("zz").has_value());
}
