#include "app/admin/screen_delivery.hpp"

#include "survey/base/translations.hpp"
#include "survey/national/kanwil_key.hpp"

#include <chrono>

namespace sw::admin {

namespace {

const Translations& words() {
    static const Translations t = Translations::loadArea("delivery");
    return t;
}

// A send by hand: its own store connection on its own thread, so the screen keeps drawing.
std::string sendNow(const std::string& db, const std::string& lang) {
    try {
        Store store(db, Store::Options{.create = false});
        SendOptions o;
        o.post.connectTimeoutSeconds = 5;
        o.post.totalTimeoutSeconds = 60;
        const SendReport r = sendPending(store, o);
        if (r.lastProblem.empty()) return format(words().get("sent", lang), {std::to_string(r.added)});
        return format(words().get("not_sent", lang), {r.lastProblem});
    } catch (const std::exception& e) {
        return format(words().get("not_sent", lang), {e.what()});
    }
}

} // namespace

const char* DeliveryScreen::w(AdminContext& c, const std::string& key) { return words().get(key, c.host.lang).c_str(); }

void DeliveryScreen::draw(AdminContext& c) {
    if (!status || ImGui::GetTime() - loadedAt > 2.0) {
        status = deliveryStatus(c.store());
        loadedAt = ImGui::GetTime();
    }
    ui::heading(c, w(c, "heading"));
    ImGui::TextWrapped("%s", w(c, "explain"));
    ImGui::Spacing();
    drawKanwil(c);
    drawStatus(c, *status);
    drawRefusal(c, *status);
    ImGui::Spacing();
    drawSend(c);
}

void DeliveryScreen::drawKanwil(AdminContext& c) {
    const auto key = trustedKanwilKey(c.store());
    if (!key) {
        ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", w(c, "kanwil.none"));
        return;
    }
    ImGui::TextWrapped("%s", format(w(c, "kanwil"), {kanwilUrl(c.store()), fingerprint(*key)}).c_str());
}

void DeliveryScreen::drawStatus(AdminContext& c, const DeliveryStatus& s) {
    ImGui::TextWrapped("%s", s.lastDeliveryUtc ? format(w(c, "last"), {c.localDateTimeText(*s.lastDeliveryUtc)}).c_str()
                                               : w(c, "last.never"));
    if (s.pendingResponses == 0) ImGui::TextColored(ImVec4(0, 0.4f, 0.25f, 1), "%s", w(c, "pending.none"));
    else ImGui::TextWrapped("%s", format(w(c, "pending"), {std::to_string(s.pendingResponses)}).c_str());
    if (!s.lastError.empty())
        ImGui::TextWrapped("%s", format(w(c, "problem"), {std::to_string(s.attempts), s.lastError,
                                                          s.nextAttemptUtc ? c.localDateTimeText(*s.nextAttemptUtc) : "–"})
                                     .c_str());
}

void DeliveryScreen::drawRefusal(AdminContext& c, const DeliveryStatus& s) {
    if (!s.lastRefusalUtc) return;
    const std::string kind = "refusal." + s.lastRefusalKind;
    const std::string text = words().has(kind) ? w(c, kind) : format(w(c, "refusal.other"), {s.lastRefusal});
    ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s",
                       format(w(c, "refusal"), {c.localDateTimeText(*s.lastRefusalUtc), text}).c_str());
}

void DeliveryScreen::drawSend(AdminContext& c) {
    const bool busy = sending.valid() && sending.wait_for(std::chrono::seconds(0)) != std::future_status::ready;
    if (sending.valid() && !busy) {
        c.say(sending.get());
        status.reset();
    }
    if (busy) {
        ImGui::TextUnformatted(w(c, "sending"));
        return;
    }
    if (ui::button(c, w(c, "send")))
        sending = std::async(std::launch::async, sendNow, c.store().path(), c.host.lang);
}

} // namespace sw::admin
