// HTTPS straight from the receiver (serve --tls-cert/--tls-key): the unit's libcurl checks the
// certificate, so a Kanwil with its own CA is reached only with SUARAWARGA_CA_FILE naming it.
// The certificate is made by the openssl command; without it the test is skipped, never passed.
#include "survey/delivery/delivery_helpers.hpp"
#include "skip.hpp"

#include "survey/delivery/http_client.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>

using namespace sw;
using swtest::TempDir;

TEST_CASE("Delivery over HTTPS: a certificate the unit does not trust is refused, the Kanwil's own CA works", "[delivery]") {
    TempDir d;
    const std::string crt = d.file("tls.crt"), key = d.file("tls.key");
    const std::string cmd = "openssl req -x509 -newkey rsa:2048 -nodes -keyout '" + key + "' -out '" + crt +
                            "' -days 2 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 >/dev/null 2>&1";
    if (std::system(cmd.c_str()) != 0) swtest::skipTest("openssl is needed to make a test certificate");
    ReceiverLimits l = swtest::testLimits();
    l.tlsCert = crt;
    l.tlsKey = key;
    swtest::Kanwil k(l);
    const std::string db = swtest::makeUnit(d, k, "kanim-tls", 6, 1);
    Store unit(db);
    SendOptions o;
    o.url = "https://127.0.0.1:" + std::to_string(k.port);
    SendReport r = sendPending(unit, o);
    CHECK(r.failed == 1);
    CHECK(r.lastProblem.find("certificate") != std::string::npos);
    CHECK(k.responses() == 0);
    o.post.caFile = crt;
    r = sendPending(unit, o);
    CHECK(r.added == 6);
    CHECK(k.responses() == 6);
}
