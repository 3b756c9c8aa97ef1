#include "app/screens/png_metrics.hpp"

#include <stb_image.h>

#include <algorithm>
#include <cmath>
#include <memory>

namespace swtest {

Rgb8Image Rgb8Image::load(const std::string& path) {
    Rgb8Image img;
    int w = 0, h = 0, channels = 0;
    std::unique_ptr<stbi_uc, void (*)(void*)> px(stbi_load(path.c_str(), &w, &h, &channels, 3), stbi_image_free);
    if (!px) return img;
    img.width = w;
    img.height = h;
    img.rgb.assign(px.get(), px.get() + static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 3);
    return img;
}

double Rgb8Image::luma(int x, int y) const {
    const std::size_t i = (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)) * 3;
    return 0.2126 * rgb[i] + 0.7152 * rgb[i + 1] + 0.0722 * rgb[i + 2];
}

double lumaStdDev(const Rgb8Image& img) {
    if (img.width == 0) return 0;
    double sum = 0, sq = 0;
    for (int y = 0; y < img.height; ++y)
        for (int x = 0; x < img.width; ++x) {
            const double l = img.luma(x, y);
            sum += l;
            sq += l * l;
        }
    const double n = static_cast<double>(img.width) * img.height;
    const double m = sum / n;
    return std::sqrt(std::max(0.0, sq / n - m * m));
}

double sharpEdgeShareInBand(const Rgb8Image& img, double y0, double y1, double step) {
    if (img.width < 2 || img.height < 2) return 0;
    const int top = std::clamp(static_cast<int>(y0 * img.height), 0, img.height - 1);
    const int bottom = std::clamp(static_cast<int>(y1 * img.height), top + 1, img.height - 1);
    std::size_t edges = 0;
    for (int y = top; y < bottom; ++y)
        for (int x = 0; x + 1 < img.width; ++x) {
            const double l = img.luma(x, y);
            if (std::abs(l - img.luma(x + 1, y)) > step || std::abs(l - img.luma(x, y + 1)) > step) ++edges;
        }
    return static_cast<double>(edges) / (static_cast<double>(img.width - 1) * (bottom - top));
}

double sharpEdgeShare(const Rgb8Image& img, double step) { return sharpEdgeShareInBand(img, 0, 1, step); }

double differingShare(const Rgb8Image& a, const Rgb8Image& b, int tolerance) {
    if (a.width != b.width || a.height != b.height || a.width == 0) return 1;
    std::size_t differ = 0;
    for (std::size_t i = 0; i < a.rgb.size(); i += 3) {
        for (std::size_t c = 0; c < 3; ++c)
            if (std::abs(static_cast<int>(a.rgb[i + c]) - static_cast<int>(b.rgb[i + c])) > tolerance) {
                ++differ;
                break;
            }
    }
    return static_cast<double>(differ) / static_cast<double>(a.rgb.size() / 3);
}

namespace {
// WCAG 2 relative luminance of an sRGB colour.
double relativeLuminance(const std::uint8_t* p) {
    auto lin = [](std::uint8_t v) {
        const double c = v / 255.0;
        return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * lin(p[0]) + 0.7152 * lin(p[1]) + 0.0722 * lin(p[2]);
}
} // namespace

double inkContrast(const Rgb8Image& img, double lowPct, double highPct) {
    if (img.width == 0) return 1;
    std::vector<double> l;
    l.reserve(img.rgb.size() / 3);
    for (std::size_t i = 0; i < img.rgb.size(); i += 3) l.push_back(relativeLuminance(&img.rgb[i]));
    std::sort(l.begin(), l.end());
    auto at = [&](double pct) { return l[std::min(l.size() - 1, static_cast<std::size_t>(pct / 100.0 * static_cast<double>(l.size())))]; };
    return (at(highPct) + 0.05) / (at(lowPct) + 0.05);
}

} // namespace swtest
