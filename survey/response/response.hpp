// One citizen's answers as stored: the SKM unsur, the HAM module, the profile and a comment.
// No personal identity: there is no field for a name, address, phone or religion.
//
// The shapes of one response, and what each is for:
//   Answers         (here)                what a citizen answers, by code
//   ResponseDraft   (response/draft.hpp)  Answers while a citizen is at the kiosk; discarded whole
//   Response        (here)                Answers with their identity (uuid, unit, time, instrument):
//                                          what is submitted, imported or simulated
//   PackedAnswers   (response/packing.hpp) the skm/ham/rentan/profile columns of one Response, packed
//   PackedRow       (response/packing.hpp) one stored row as views: what the store binds and a bundle
//                                          line holds (BundleResponse is this type)
//   ExportRow       (store/scan.hpp)      a PackedRow read back, with its rid and unit, for exports
//   ResponseColumns (store/columns.hpp)   many responses as columns, one byte an answer, for the dashboard
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sw {

// Answer value 0 on a HAM item means "tidak tahu / tidak menggunakan" (excluded from scores).
constexpr int kTidakTahu = 0;

// What a citizen answers, by code: the part a ResponseDraft collects and a Response keeps.
struct Answers {
    std::string service;                      // jenis layanan code
    std::map<std::string, int> unsur;         // unsur code → 1..4 (absent: not answered)
    std::map<std::string, int> ham;           // HAM item code → 0..4
    std::vector<std::string> rentan;          // kelompok rentan option codes chosen, in the instrument's order
    std::optional<bool> adil;                 // treated fairly, without discrimination
    std::map<std::string, std::string> profile; // profile field code → option code
    std::string comment;
};

struct Response : Answers {
    std::string uuid;                         // v7 (newResponseUuid), survives export and merge
    std::string instrumentId;
    int instrumentVersion = 0;
    std::string unitId;
    std::string deviceId;
    std::int64_t createdUtc = 0;              // seconds since 1970-01-01 UTC
    int utcOffsetMinutes = 420;               // WIB +420, WITA +480, WIT +540
    bool misuse = false;                      // suspected misuse: stored, left out of scores by default
    std::optional<int> durationSeconds;       // welcome → submit (misuse rule)
    std::string source = "kiosk";             // kiosk | paper | simulate | merge
};

} // namespace sw
