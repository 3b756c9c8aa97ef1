// The durable store: settings that make a commit survive power loss, queries by period/service/
// group, migrations, and refusal of damaged, foreign or newer files (left untouched).
#include "survey/base/error.hpp"
#include "survey/base/local_time.hpp"
#include "survey/store/migrations.hpp"
#include "survey/dashboard/statistik.hpp"
#include "survey/store/scan.hpp"
#include "survey/store/store.hpp"
#include "survey/base/uuid.hpp"
#include "survey/test_helpers.hpp"

#include <catch2/catch.hpp>

using namespace sw;

namespace {

Response make(const Instrument& in, const std::vector<int>& values, const std::string& date, const std::string& service = "paspor",
              std::vector<std::string> rentan = {"bukan"}) {
    Response r;
    r.uuid = newUuid();
    r.instrumentId = in.id;
    r.instrumentVersion = in.version;
    r.unitId = "u1";
    r.deviceId = "d1";
    LocalDate d;
    REQUIRE(parseDate(date, d));
    r.createdUtc = utcFromLocal(d, 9, 0, 420);
    r.service = service;
    for (std::size_t i = 0; i < values.size(); ++i)
        if (values[i] > 0) r.unsur["U" + std::to_string(i + 1)] = values[i];
    r.rentan = std::move(rentan);
    r.ham = {{"H1", 3}, {"H5", kTidakTahu}};
    r.adil = true;
    r.profile = {{"jenis_kelamin", "P"}};
    return r;
}

void fillHandCase(Store& s, const Instrument& in) {
    s.append(make(in, {4, 4, 3, 4, 3, 3, 4, 2, 3}, "2026-10-01"));
    s.append(make(in, {3, 3, 3, 4, 3, 4, 4, 3, 3}, "2026-10-02"));
    s.append(make(in, {3, 2, 2, 4, 3, 3, 3, 2, 2}, "2026-10-03", "izin_tinggal", {"lansia", "disabilitas_fisik"}));
    s.append(make(in, {4, 3, 3, 4, 4, 4, 4, 3, 3}, "2026-10-04", "paspor", {"hamil"}));
}

} // namespace

TEST_CASE("a new store is durable: WAL, synchronous=FULL, foreign keys, our application id", "[store]") {
    swtest::TempDir dir;
    Store s(dir.file("sub/folder/a.db"));
    CHECK(s.db().scalarText("PRAGMA journal_mode") == "wal");
    CHECK(s.db().scalarInt("PRAGMA synchronous") == 2);
    CHECK(s.db().scalarInt("PRAGMA foreign_keys") == 1);
    CHECK(s.db().scalarInt("PRAGMA application_id") == Store::kApplicationId);
    CHECK(s.schemaVersion() == Store::kSchemaVersion);
}

TEST_CASE("responses round-trip and score like the hand-computed case", "[store][skm]") {
    swtest::TempDir dir;
    const Instrument& in = swtest::defaultInstrument();
    Store s(dir.file("a.db"));
    s.registerInstrument(in);
    fillHandCase(s, in);

    SkmResult r = skmFor(s, in, {});
    CHECK(r.respondents == 4);
    CHECK(r.ikmUnit == Approx(80.5556).margin(0.0001));
    CHECK(r.mutu == Mutu::B);

    ResponseFilter period;
    period.from = "2026-10-02";
    period.to = "2026-10-03";
    CHECK(s.countResponses(period) == 2);
    ResponseFilter svc;
    svc.service = "izin_tinggal";
    CHECK(skmFor(s, in, svc).respondents == 1);
    ResponseFilter rentan;
    rentan.kelompok = "rentan";
    CHECK(s.countResponses(rentan) == 2);
    rentan.kelompok = "disabilitas";
    CHECK(s.countResponses(rentan) == 1);
    ResponseFilter female;
    female.profileField = "jenis_kelamin";
    female.profileValue = "P";
    CHECK(s.countResponses(female) == 4);

    // Everything written comes back by code.
    std::vector<Response> back;
    sw::forEachResponse(s, {}, [&](const Response& x) {
        back.push_back(x);
        return true;
    });
    REQUIRE(back.size() == 4);
    CHECK(back[2].unsur.at("U4") == 4);
    CHECK(back[2].rentan == std::vector<std::string>{"lansia", "disabilitas_fisik"}); // in the instrument's order
    CHECK(back[2].ham.at("H5") == kTidakTahu);
    CHECK(back[0].adil == true);
    CHECK(isUuid(back[0].uuid));

    // Accessibility: H1 = 3 for everyone, H5 "tidak tahu" is excluded.
    AksesibilitasResult a = aksesibilitasFor(s, in, {});
    CHECK(a.index == Approx(75.0));
    CHECK(a.items[4].n == 0);
    CHECK(a.adilYes == 4);
    RentanGap g = rentanGapFor(s, in, {});
    CHECK(g.comparable);
    CHECK(g.rentan.respondents == 2);
    CHECK(g.bukan.respondents == 2);
    // rentan rows sum 24+32=56 over 18 answers; bukan 30+30=60 over 18.
    CHECK(g.ikmGap == Approx((56.0 - 60.0) / 18.0 * 25.0));
}

TEST_CASE("suspected misuse is stored but left out of scores by default", "[store]") {
    swtest::TempDir dir;
    const Instrument& in = swtest::defaultInstrument();
    Store s(dir.file("a.db"));
    s.registerInstrument(in);
    fillHandCase(s, in);
    auto bad = make(in, {1, 1, 1, 1, 1, 1, 1, 1, 1}, "2026-10-04");
    bad.misuse = true;
    s.append(bad);
    CHECK(skmFor(s, in, {}).respondents == 4);
    ResponseFilter all;
    all.includeMisuse = true;
    CHECK(skmFor(s, in, all).respondents == 5);
}

TEST_CASE("a failing append writes nothing", "[store]") {
    swtest::TempDir dir;
    const Instrument& in = swtest::defaultInstrument();
    Store s(dir.file("a.db"));
    s.registerInstrument(in);
    fillHandCase(s, in);
    auto r = make(in, {4, 4, 4, 4, 4, 4, 4, 4, 4}, "2026-10-05", "paspor", {"lansia", "no-such-group"});
    CHECK_THROWS_AS(s.append(r), StoreError);
    auto dup = make(in, {4, 4, 4, 4, 4, 4, 4, 4, 4}, "2026-10-05");
    s.append(dup);
    CHECK_THROWS_AS(s.append(dup), StoreError); // same UUID twice: refused whole
    auto badValue = make(in, {4, 4, 4, 4, 4, 4, 4, 4, 4}, "2026-10-05");
    badValue.unsur["U3"] = 7;
    CHECK_THROWS_AS(s.appendAll({make(in, {4, 4, 4, 4, 4, 4, 4, 4, 4}, "2026-10-05"), badValue}), StoreError);
    CHECK(s.countResponses({}) == 5);
    CHECK(s.db().scalarInt("SELECT count(*) FROM answer") == 5 * 9 + 5 * 2); // the view over the packed rows
}

namespace {
// A schema-5 database as session-1 releases wrote it: answers, rentan and profile in child tables.
void writeSchema5(const std::string& path, const Instrument& in, const std::string& unsurItem) {
    sql::Database db(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    for (std::size_t v = 0; v < 5; ++v) db.exec(kMigrations[v].sql);
    db.exec("PRAGMA application_id=" + std::to_string(Store::kApplicationId));
    db.exec("PRAGMA user_version=5");
    sql::Statement ins(db, "INSERT INTO instrument VALUES(?,?,?)");
    ins.bind(1, in.id).bind(2, in.version).bind(3, in.canonicalJson).run();
    sql::Statement r(db, "INSERT INTO response(uuid,instrument_id,instrument_version,unit_id,device_id,created_utc,utc_offset_min,"
                         "local_date,source) VALUES('11111111-1111-4111-8111-111111111111',?,?,'u','d',0,420,'1970-01-01','kiosk')");
    r.bind(1, in.id).bind(2, in.version).run();
    db.exec("INSERT INTO answer VALUES(1,'" + unsurItem + "',0,4)");
    db.exec("INSERT INTO answer VALUES(1,'U9',0,2)");
    db.exec("INSERT INTO answer VALUES(1,'" + in.ham.items[1].code + "',1,0)");
    db.exec("INSERT INTO rentan VALUES(1,'anak','anak')");
    db.exec("INSERT INTO rentan VALUES(1,'lansia','lansia')");
    db.exec("INSERT INTO profile VALUES(1,'usia','60plus')");
    db.exec("INSERT INTO profile VALUES(1,'jenis_kelamin','P')");
}
} // namespace

TEST_CASE("an older schema is migrated in place, keeping its data", "[store][migration]") {
    swtest::TempDir dir;
    const Instrument& in = swtest::defaultInstrument();
    std::string path = dir.file("old.db");
    writeSchema5(path, in, "U1");
    Store s(path);
    CHECK(s.schemaVersion() == Store::kSchemaVersion);
    CHECK(s.countResponses({}) == 1);
    CHECK(s.hasUuid("11111111-1111-4111-8111-111111111111"));
    // Packed in the instrument's order (response_packing.hpp).
    CHECK(s.db().scalarText("SELECT skm FROM response") == "4-------2");
    CHECK(s.db().scalarText("SELECT ham FROM response") == "-0" + std::string(in.ham.items.size() - 2, '-'));
    CHECK(s.db().scalarText("SELECT rentan FROM response") == "lansia,anak");
    CHECK(s.db().scalarText("SELECT profile FROM response") == "jenis_kelamin=P;usia=60plus");
    CHECK(s.db().scalarInt("SELECT kelompok FROM response") == (kRentanLansia | kRentanAnak));
    // The old tables are gone; `answer` reads the packed answers back as rows, for auditors.
    CHECK(s.db().scalarInt("SELECT count(*) FROM sqlite_master WHERE name IN ('rentan','profile')") == 0);
    CHECK(s.db().scalarInt("SELECT count(*) FROM answer") == 3);
    CHECK(s.db().scalarInt("SELECT value FROM answer WHERE item='U9'") == 2);
    ResponseFilter anak;
    anak.kelompok = "anak";
    CHECK(s.countResponses(anak) == 1);
    anak.kelompok = "disabilitas";
    CHECK(s.countResponses(anak) == 0);
    ResponseFilter female;
    female.profileField = "jenis_kelamin";
    female.profileValue = "P";
    CHECK(s.countResponses(female) == 1);
    female.profileValue = "L";
    CHECK(s.countResponses(female) == 0);
    sw::forEachResponse(s, {}, [&](const Response& x) {
        CHECK(x.unsur.at("U1") == 4);
        CHECK(x.ham.at(in.ham.items[1].code) == 0);
        CHECK(x.rentan == std::vector<std::string>{"lansia", "anak"});
        CHECK(x.profile.at("usia") == "60plus");
        return true;
    });
}

TEST_CASE("a schema-5 answer its instrument does not know stops the migration, file untouched", "[store][migration]") {
    swtest::TempDir dir;
    std::string path = dir.file("odd.db");
    writeSchema5(path, swtest::defaultInstrument(), "U42");
    const std::string before = swtest::readFile(path);
    try {
        Store s(path);
        FAIL("the migration should have been refused");
    } catch (const StoreError& e) {
        CHECK(std::string(e.what()).find("U42") != std::string::npos);
        CHECK(std::string(e.what()).find("schema 5") != std::string::npos);
    }
    CHECK(swtest::readFile(path) == before);
}

TEST_CASE("a database from a newer SuaraWarga is refused and left untouched", "[store][migration]") {
    swtest::TempDir dir;
    std::string path = dir.file("new.db");
    {
        Store s(path);
        s.db().exec("PRAGMA user_version=99");
    }
    std::string before = swtest::readFile(path);
    CHECK_THROWS_WITH(Store(path), Catch::Contains("newer SuaraWarga") && Catch::Contains(path));
    try {
        Store again(path);
    } catch (const StoreError& e) {
        CHECK(e.kind == StoreError::Kind::TooNew);
    }
    CHECK(swtest::readFile(path) == before);
}

TEST_CASE("a foreign file is refused and left untouched", "[store]") {
    swtest::TempDir dir;
    std::string text = dir.file("notes.db");
    swtest::writeFile(text, "these are my notes, not a database\n");
    try {
        Store s(text);
        FAIL("opened a text file");
    } catch (const StoreError& e) {
        CHECK(e.kind == StoreError::Kind::Foreign);
        CHECK(std::string(e.what()).find("left untouched") != std::string::npos);
    }
    CHECK(swtest::readFile(text) == "these are my notes, not a database\n");

    std::string other = dir.file("other.db");
    {
        sql::Database db(other, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        db.exec("CREATE TABLE contacts(name TEXT); INSERT INTO contacts VALUES('x');");
    }
    std::string before = swtest::readFile(other);
    CHECK_THROWS_WITH(Store(other), Catch::Contains("another program"));
    CHECK(swtest::readFile(other) == before);
}

TEST_CASE("a corrupt database is detected at open and left untouched", "[store]") {
    swtest::TempDir dir;
    const Instrument& in = swtest::defaultInstrument();
    std::string path = dir.file("c.db");
    {
        Store s(path);
        s.registerInstrument(in);
        std::vector<Response> many;
        for (int i = 0; i < 400; ++i) many.push_back(make(in, {4, 3, 3, 4, 3, 3, 4, 2, 3}, "2026-10-01"));
        s.appendAll(many);
        s.db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    // Scribble over the middle of the file (b-tree pages), as a failing card might.
    std::string bytes = swtest::readFile(path);
    REQUIRE(bytes.size() > 16384);
    for (std::size_t i = 8192; i < bytes.size() - 4096; i += 1024)
        for (std::size_t j = 0; j < 200; ++j) bytes[i + j] = static_cast<char>(0xA5 ^ j);
    swtest::writeFile(path, bytes);
    try {
        Store s(path);
        FAIL("opened a corrupt database");
    } catch (const StoreError& e) {
        CHECK(e.kind == StoreError::Kind::Corrupt);
        CHECK(std::string(e.what()).find(path) != std::string::npos);
    }
    CHECK(swtest::readFile(path) == bytes);
}
