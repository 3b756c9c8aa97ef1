#include "survey/delivery/http_client.hpp"

#include "survey/delivery/libcurl_lazy.hpp"

#include <cstdlib>
#include <exception>
#include <memory>
#include <mutex>

namespace sw {

namespace {

void initCurlOnce() {
    static std::once_flag once;
    std::call_once(once, [] { dyn::curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::size_t collectBody(char* data, std::size_t size, std::size_t n, void* user) {
    auto* out = static_cast<std::string*>(user);
    const std::size_t len = size * n;
    if (out->size() + len > kMaxAnswerBytes) return 0; // stops the transfer: no receipt is that long
    out->append(data, len);
    return len;
}

} // namespace

PostResult postBundle(const std::string& url, const std::string& body, const PostOptions& opt) {
    PostResult r;
    try {
        initCurlOnce();   // opens libcurl (survey/base/lazy_library.hpp): a missing one is this send's error
    } catch (const std::exception& e) {
        r.error = e.what();
        return r;
    }
    std::unique_ptr<CURL, void (*)(CURL*)> curl(dyn::curl_easy_init(), [](CURL* h) { dyn::curl_easy_cleanup(h); });
    if (!curl) {
        r.error = "libcurl could not start";
        return r;
    }
    std::unique_ptr<curl_slist, void (*)(curl_slist*)> headers(
        dyn::curl_slist_append(dyn::curl_slist_append(nullptr, "Content-Type: application/octet-stream"), "Expect:"),
        [](curl_slist* l) { dyn::curl_slist_free_all(l); });
    CURL* c = curl.get();
    dyn::curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    dyn::curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    dyn::curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    dyn::curl_easy_setopt(c, CURLOPT_POST, 1L);
    dyn::curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.data());
    dyn::curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    dyn::curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
    dyn::curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, opt.connectTimeoutSeconds);
    dyn::curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1024L);
    dyn::curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, opt.lowSpeedSeconds);
    dyn::curl_easy_setopt(c, CURLOPT_TIMEOUT, opt.totalTimeoutSeconds);
    dyn::curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collectBody);
    dyn::curl_easy_setopt(c, CURLOPT_WRITEDATA, &r.body);
    if (!opt.caFile.empty()) dyn::curl_easy_setopt(c, CURLOPT_CAINFO, opt.caFile.c_str());
    char message[CURL_ERROR_SIZE] = {0};
    dyn::curl_easy_setopt(c, CURLOPT_ERRORBUFFER, message);

    const CURLcode rc = dyn::curl_easy_perform(c);
    if (rc != CURLE_OK) {
        r.error = message[0] ? message : dyn::curl_easy_strerror(rc);
        return r;
    }
    r.transferred = true;
    dyn::curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r.status);
    curl_off_t retry = 0;
    if (dyn::curl_easy_getinfo(c, CURLINFO_RETRY_AFTER, &retry) == CURLE_OK) r.retryAfter = static_cast<std::int64_t>(retry);
    return r;
}

} // namespace sw
