// A display for the screenshot tests: the one in $DISPLAY, else our own Xvfb (CI has no display;
// xvfb is in third_party/packages.txt), else none — and the tests then skip with the reason.
#pragma once
#include <string>
#include <sys/types.h>

namespace swtest {

class TestDisplay {
public:
    // The display for this test process, started on first use and stopped at exit.
    static TestDisplay& instance();

    bool available() const { return !name_.empty(); }
    const std::string& name() const { return name_; }            // ":N"
    const std::string& whyUnavailable() const { return why_; }

    TestDisplay(const TestDisplay&) = delete;
    TestDisplay& operator=(const TestDisplay&) = delete;
    ~TestDisplay();

private:
    TestDisplay();
    std::string name_;
    std::string why_;
    pid_t xvfb_ = -1;
};

} // namespace swtest
