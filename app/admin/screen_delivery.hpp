// The unit head's view of delivery (README "Delivery"): the last delivery the Kanwil confirmed,
// what is still waiting, the last failed attempt and the last refusal in plain words, and "send
// now". Strings from assets/i18n/delivery.json.
#pragma once
#include "app/admin/admin_context.hpp"

#include "survey/delivery/outbox.hpp"
#include "survey/delivery/sender.hpp"

#include <future>
#include <optional>
#include <string>

namespace sw::admin {

struct DeliveryScreen {
    std::optional<DeliveryStatus> status;
    double loadedAt = -1e9;                   // ImGui time of the last read (every 2 s)
    std::future<std::string> sending;         // a send started here, on its own connection
    void draw(AdminContext& c);

private:
    const char* w(AdminContext& c, const std::string& key);
    void drawKanwil(AdminContext& c);
    void drawStatus(AdminContext& c, const DeliveryStatus& s);
    void drawRefusal(AdminContext& c, const DeliveryStatus& s);
    void drawSend(AdminContext& c);
};

} // namespace sw::admin
