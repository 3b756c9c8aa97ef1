// The unit head's view of the Kanwil's verification (README "The assessor verifies"): import the
// signed result, see what was verified and what must be fixed, and turn a finding into rencana
// tindak lanjut in one tap. Strings from assets/i18n/verification.json.
#pragma once
#include "app/admin/admin_context.hpp"

#include "survey/national/verification_file.hpp"

#include <optional>
#include <string>

namespace sw::admin {

struct VerificationScreen {
    std::string file;                          // the result file to import
    std::optional<ReceivedVerification> shown; // the newest result, reloaded after an import
    bool loaded = false;
    void draw(AdminContext& c);

private:
    const char* w(AdminContext& c, const std::string& key);
    void load(AdminContext& c);
    void drawImport(AdminContext& c);
    void drawScores(AdminContext& c, const nlohmann::json& p);
    void drawFindings(AdminContext& c);
    void drawItems(AdminContext& c, const nlohmann::json& p);
};

} // namespace sw::admin
