// The assessor's verification of one unit's facility self-assessment, on the unit's page: per
// item the unit's claim and evidence count, a verdict (Terverifikasi / Tidak sesuai / Perlu
// klarifikasi) with a note and re-measured values, the visit record, and the verified score beside
// the self-assessed one as it changes. Saved through the one verdicts validator
// (survey/national/verdicts_json.hpp), so the screen and `suarawarga assess --from-file` accept the
// same. Below: the units ready to recommend for the predikat, with the rule shown.
#pragma once
#include "survey/base/translations.hpp"
#include "survey/facility/checklist.hpp"
#include "survey/national/predikat.hpp"
#include "survey/national/verification.hpp"
#include "survey/national/assessor_store.hpp"

#include <map>
#include <optional>
#include <string>

namespace sw::assessor {

class VerificationPanel {
public:
    VerificationPanel();
    // Loads the unit's claim and its stored verdicts (if any) from the assessor's store (file or PostgreSQL).
    void open(AssessorStore& store, const std::string& unitId);
    const std::string& unitId() const { return unit_; }
    void draw(AssessorStore& store, const std::string& lang, float pxPerMm);
    const std::string& message() const { return message_; }
    const char* title(const std::string& lang, bool open);   // the button that opens (or closes) the panel

private:
    struct ItemState {
        int verdict = 0;                                  // 0 none, 1 terverifikasi, 2 tidak sesuai, 3 perlu klarifikasi
        int found = 1;                                    // tidak sesuai: 0 proses, 1 tidak
        std::string note;
        std::map<std::string, std::string> measured;      // measure code → typed value
    };
    const char* w(const std::string& key) const;
    Verification draft() const;                           // what the screen holds now (unvalidated)
    std::string draftJson() const;                        // the same in the verdicts-file form
    void save(AssessorStore& store);
    void drawVisit(float mm);
    void drawScores(const VerifiedScore& s);
    void drawItem(const std::string& code, const std::string& name, const FacilityItem* item, FacilityStatus claimed, float mm);
    void loadPredikat(AssessorStore& store);
    void drawPredikat();

    Translations tr_;
    std::string lang_ = "id";
    std::optional<FacilityChecklist> checklist_;
    std::optional<FacilityClaim> claim_;
    std::string unit_;
    std::map<std::string, ItemState> items_;
    std::string date_, assessors_, seen_;
    PredikatRule rule_;                                   // the Kanwil's configuration (defaults; `assess --ready --pass-mark` for others)
    std::vector<PredikatStanding> predikat_;
    std::string predikatError_;
    float headerHeight_ = 0;                              // what the heading, scores and visit took last frame (px)
    float predikatHeight_ = 0;                            // what the predikat list took last frame (px)
    bool onePage_ = false;                                // the whole panel scrolls as one (a low screen)
    std::string message_;
    bool messageIsError_ = false;
};

} // namespace sw::assessor
