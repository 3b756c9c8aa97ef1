// The Kanwil assessor's view: the roll-up of merged units, drill into one, compare units.
// Draws into any ImGui frame, like the unit head's area.
#pragma once
#include "survey/skm/period.hpp"
#include "survey/bundle/rollup.hpp"
#include "survey/national/assessor_store.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sw::assessor {

struct AssessorHost {
    AssessorStore* store = nullptr;   // the assessor's merged store: the SQLite file or PostgreSQL
    float pxPerMm = 4.0f;
    std::string lang = "id";
    bool requestClose = false;
    // Optional: RGBA8 pixels → an ImGui texture (evidence thumbnails), and back. The windowed host
    // sets them; without them thumbnails show as labelled boxes.
    std::function<void*(int width, int height, const unsigned char* rgba)> uploadTexture;
    std::function<void(void*)> releaseTexture;
};

class AssessorView {
public:
    explicit AssessorView(AssessorHost& host);
    ~AssessorView();
    AssessorView(const AssessorView&) = delete;
    AssessorView& operator=(const AssessorView&) = delete;
    void draw();

    // Navigation, also used by tests and screenshots: the roll-up, one unit, units side by side.
    void showRollup();
    void openUnit(const std::string& unitId);
    void compareUnits(const std::vector<std::string>& unitIds);
    // The unit's page with the verification of its facility self-assessment open (verification_panel.hpp).
    void openVerification(const std::string& unitId);
    std::string pageName() const;              // "rollup" | "unit" | "compare" | "verify"
    std::size_t unitCount() const;             // units in the roll-up (of the chosen area)
    // The roll-up page's level: "province", "kabkota" (of the province `area`, e.g. "36") or
    // "unit" (of the province or kabupaten/kota `area`, e.g. "36.04"); "" = all areas.
    void showLevel(const std::string& level, const std::string& area = "");

    // The reporting period every page covers (nullopt: all time). It opens on the triwulan of the
    // newest merged response; setting it recomputes the roll-up. Also used by tests and pictures.
    void setPeriod(const std::optional<Period>& p);
    const std::optional<Period>& period() const;
    const std::vector<UnitRollup>& rollup() const;   // the figures the pages draw

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace sw::assessor
