#include "survey/export/pdf_canvas.hpp"

#include "survey/base/translations.hpp"

#include <algorithm>
#include <stdexcept>

namespace sw::pdf {

namespace {

constexpr const char* kFamily = "DejaVu Sans";
constexpr double kTop = Canvas::kMargin + 18;          // below the running header
constexpr double kBottom = Canvas::kPageH - Canvas::kMargin - 10;
const Rgb kInk{0.10, 0.12, 0.16};
const Rgb kMuted{0.40, 0.43, 0.48};
const Rgb kRule{0.75, 0.78, 0.82};
const Rgb kHeadFill{0.90, 0.93, 0.96};
const Rgb kAccent{0.05, 0.33, 0.55};

void setColor(cairo_t* cr, Rgb c) { dyn::cairo_set_source_rgb(cr, c.r, c.g, c.b); }

struct PngReader {
    const std::string* bytes;
    std::size_t at = 0;
};

cairo_status_t readPng(void* closure, unsigned char* data, unsigned int length) {
    auto* r = static_cast<PngReader*>(closure);
    if (r->at + length > r->bytes->size()) return CAIRO_STATUS_READ_ERROR;
    std::copy_n(r->bytes->data() + r->at, length, data);
    r->at += length;
    return CAIRO_STATUS_SUCCESS;
}

} // namespace

Canvas::Canvas(const std::string& file, std::string header, std::string footerLeft, std::string pageWord)
    : surface_(dyn::cairo_pdf_surface_create(file.c_str(), kPageW, kPageH)), header_(std::move(header)),
      footerLeft_(std::move(footerLeft)), pageWord_(std::move(pageWord)) {
    if (dyn::cairo_surface_status(surface_.get()) != CAIRO_STATUS_SUCCESS)
        throw std::runtime_error(file + ": cannot create the PDF: " + dyn::cairo_status_to_string(dyn::cairo_surface_status(surface_.get())));
    cr_.reset(dyn::cairo_create(surface_.get()));
    layout_.reset(dyn::pango_cairo_create_layout(cr_.get()));
    newPage();
}

Canvas::~Canvas() {
    if (!finished_ && surface_) dyn::cairo_surface_finish(surface_.get());
}

void Canvas::setMetadata(const std::string& title, const std::string& author) {
    dyn::cairo_pdf_surface_set_metadata(surface_.get(), CAIRO_PDF_METADATA_TITLE, title.c_str());
    dyn::cairo_pdf_surface_set_metadata(surface_.get(), CAIRO_PDF_METADATA_AUTHOR, author.c_str());
    dyn::cairo_pdf_surface_set_metadata(surface_.get(), CAIRO_PDF_METADATA_CREATOR, "SuaraWarga");
}

void Canvas::finish() {
    cr_.reset();
    layout_.reset();
    dyn::cairo_surface_finish(surface_.get());
    finished_ = true;
    cairo_status_t st = dyn::cairo_surface_status(surface_.get());
    if (st != CAIRO_STATUS_SUCCESS) throw std::runtime_error(std::string("writing the PDF failed: ") + dyn::cairo_status_to_string(st));
}

PangoLayout* Canvas::layout(const std::string& text, double size, bool bold, double width, Align align) {
    PangoLayout* l = layout_.get();
    std::unique_ptr<PangoFontDescription, FontCloser> fd(dyn::pango_font_description_new());
    dyn::pango_font_description_set_family(fd.get(), kFamily);
    dyn::pango_font_description_set_absolute_size(fd.get(), size * PANGO_SCALE);
    dyn::pango_font_description_set_weight(fd.get(), bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    dyn::pango_layout_set_font_description(l, fd.get());
    dyn::pango_layout_set_width(l, static_cast<int>(width * PANGO_SCALE));
    dyn::pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    dyn::pango_layout_set_alignment(l, align == Align::Left ? PANGO_ALIGN_LEFT : align == Align::Right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_CENTER);
    dyn::pango_layout_set_text(l, text.c_str(), static_cast<int>(text.size()));
    return l;
}

double Canvas::layoutHeight(PangoLayout* l) const {
    int w = 0, h = 0;
    dyn::pango_layout_get_size(l, &w, &h);
    return static_cast<double>(h) / PANGO_SCALE;
}

double Canvas::layoutWidth(PangoLayout* l) const {
    int w = 0, h = 0;
    dyn::pango_layout_get_size(l, &w, &h);
    return static_cast<double>(w) / PANGO_SCALE;
}

void Canvas::drawHeaderFooter() {
    cairo_t* cr = cr_.get();
    // Its own layout: a page break can come between laying out a block and drawing it.
    std::unique_ptr<PangoLayout, LayoutCloser> own(dyn::pango_cairo_create_layout(cr));
    std::swap(own, layout_);
    setColor(cr, kMuted);
    PangoLayout* l = layout(header_, 7.5, false, textWidth(), Align::Left);
    dyn::pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END); // one line: a long name is shortened, never wrapped
    dyn::cairo_move_to(cr, kMargin, kMargin - 14);
    dyn::pango_cairo_show_layout(cr, l);
    setColor(cr, kRule);
    dyn::cairo_set_line_width(cr, 0.6);
    dyn::cairo_move_to(cr, kMargin, kMargin + 8);
    dyn::cairo_line_to(cr, kPageW - kMargin, kMargin + 8);
    dyn::cairo_move_to(cr, kMargin, kPageH - kMargin + 2);
    dyn::cairo_line_to(cr, kPageW - kMargin, kPageH - kMargin + 2);
    dyn::cairo_stroke(cr);
    setColor(cr, kMuted);
    l = layout(footerLeft_, 7, false, textWidth() * 0.8, Align::Left);
    dyn::pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
    dyn::cairo_move_to(cr, kMargin, kPageH - kMargin + 6);
    dyn::pango_cairo_show_layout(cr, l);
    dyn::pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_NONE);
    l = layout(format(pageWord_, {std::to_string(page_)}), 7, false, textWidth() * 0.2, Align::Right);
    dyn::cairo_move_to(cr, kMargin + textWidth() * 0.8, kPageH - kMargin + 6);
    dyn::pango_cairo_show_layout(cr, l);
    std::swap(own, layout_);
}

void Canvas::newPage() {
    if (page_ > 0) dyn::cairo_show_page(cr_.get());
    ++page_;
    y_ = kTop;
    drawHeaderFooter();
}

void Canvas::ensure(double height) {
    if (y_ + height > kBottom && y_ > kTop) newPage();
}

void Canvas::heading(const std::string& text, int level) {
    const double size = level == 1 ? 13.5 : 11;
    PangoLayout* l = layout(text, size, true, textWidth(), Align::Left);
    const double h = layoutHeight(l);
    // Keep a heading with at least a few lines of what follows.
    ensure(h + (level == 1 ? 90 : 60));
    y_ += level == 1 ? 10 : 6;
    setColor(cr_.get(), level == 1 ? kAccent : kInk);
    dyn::cairo_move_to(cr_.get(), kMargin, y_);
    dyn::pango_cairo_show_layout(cr_.get(), l);
    y_ += h + (level == 1 ? 8 : 4);
}

void Canvas::paragraph(const std::string& text, double size, bool bold, Align align) {
    PangoLayout* l = layout(text, size, bold, textWidth(), align);
    dyn::pango_layout_set_justify(l, align == Align::Left);
    const double h = layoutHeight(l);
    if (y_ + h > kBottom && h < kBottom - kTop) newPage();
    setColor(cr_.get(), kInk);
    dyn::cairo_move_to(cr_.get(), kMargin, y_);
    dyn::pango_cairo_show_layout(cr_.get(), l);
    dyn::pango_layout_set_justify(l, false);
    y_ += h + size * 0.6;
}

void Canvas::bullet(const std::string& text, const std::string& mark) {
    const double indent = 16;
    PangoLayout* l = layout(text, 10, false, textWidth() - indent, Align::Left);
    const double h = layoutHeight(l);
    ensure(h);
    setColor(cr_.get(), kInk);
    dyn::cairo_move_to(cr_.get(), kMargin + indent, y_);
    dyn::pango_cairo_show_layout(cr_.get(), l);
    l = layout(mark, 10, false, indent, Align::Left);
    dyn::cairo_move_to(cr_.get(), kMargin + 2, y_);
    dyn::pango_cairo_show_layout(cr_.get(), l);
    y_ += h + 3;
}

void Canvas::title(const std::string& text, double size) {
    PangoLayout* l = layout(text, size, true, textWidth(), Align::Center);
    const double h = layoutHeight(l);
    ensure(h);
    setColor(cr_.get(), kInk);
    dyn::cairo_move_to(cr_.get(), kMargin, y_);
    dyn::pango_cairo_show_layout(cr_.get(), l);
    y_ += h + size * 0.4;
}

std::vector<double> Canvas::columnWidths(const std::vector<Column>& cols, const std::vector<std::vector<std::string>>& rows,
                                         double size, double pad) {
    std::vector<double> width, need;
    for (std::size_t c = 0; c < cols.size(); ++c) {
        width.push_back(cols[c].width * textWidth());
        double widest = 0;
        auto words = [&](const std::string& text, bool bold) {
            std::size_t i = 0;
            while (i < text.size()) {
                std::size_t j = text.find_first_of(" \n", i);
                if (j == std::string::npos) j = text.size();
                if (j > i) {
                    PangoLayout* l = layout(text.substr(i, j - i), size, bold, textWidth(), Align::Left);
                    dyn::pango_layout_set_width(l, -1);
                    widest = std::max(widest, layoutWidth(l));
                }
                i = j + 1;
            }
        };
        words(cols[c].title, true);
        for (const auto& r : rows)
            if (c < r.size()) words(r[c], true);
        // A file name or a long code may still break: no column takes more than 45 % for one word.
        need.push_back(std::min(widest + 2 * pad + 1, textWidth() * 0.45));
    }
    double total = 0;
    for (double n : need) total += n;
    if (total > textWidth()) return width; // cannot hold every word: keep the given shares
    double deficit = 0, slack = 0;
    for (std::size_t c = 0; c < width.size(); ++c) {
        if (width[c] < need[c]) deficit += need[c] - width[c];
        else slack += width[c] - need[c];
    }
    if (deficit <= 0 || slack <= 0) return width;
    for (std::size_t c = 0; c < width.size(); ++c) {
        if (width[c] < need[c]) width[c] = need[c];
        else width[c] -= (width[c] - need[c]) * deficit / slack;
    }
    return width;
}

void Canvas::table(const std::vector<Column>& cols, const std::vector<std::vector<std::string>>& rows,
                   const std::vector<int>& boldRows) {
    cairo_t* cr = cr_.get();
    const double pad = 3, size = 8.5;
    const std::vector<double> widths = columnWidths(cols, rows, size, pad);
    auto cellLayout = [&](const std::string& text, bool bold, std::size_t c) {
        PangoLayout* l = layout(text, size, bold, widths[c] - 2 * pad, cols[c].align);
        dyn::pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR); // between words; inside one only when it cannot fit at all
        return l;
    };
    auto rowHeight = [&](const std::vector<std::string>& cells, bool bold) {
        double h = 0;
        for (std::size_t c = 0; c < cols.size() && c < cells.size(); ++c) h = std::max(h, layoutHeight(cellLayout(cells[c], bold, c)));
        return h + 2 * pad;
    };
    auto drawRow = [&](const std::vector<std::string>& cells, bool bold, bool head) {
        const double h = rowHeight(cells, bold);
        if (head) {
            setColor(cr, kHeadFill);
            dyn::cairo_rectangle(cr, kMargin, y_, textWidth(), h);
            dyn::cairo_fill(cr);
        }
        double x = kMargin;
        setColor(cr, kInk);
        for (std::size_t c = 0; c < cols.size() && c < cells.size(); ++c) {
            PangoLayout* l = cellLayout(cells[c], bold, c);
            dyn::cairo_move_to(cr, x + pad, y_ + pad);
            dyn::pango_cairo_show_layout(cr, l);
            x += widths[c];
        }
        setColor(cr, kRule);
        dyn::cairo_set_line_width(cr, 0.5);
        dyn::cairo_move_to(cr, kMargin, y_ + h);
        dyn::cairo_line_to(cr, kMargin + textWidth(), y_ + h);
        dyn::cairo_stroke(cr);
        y_ += h;
    };
    std::vector<std::string> head;
    for (const auto& c : cols) head.push_back(c.title);
    const double headH = rowHeight(head, true);
    ensure(headH + (rows.empty() ? 0 : rowHeight(rows[0], false)));
    drawRow(head, true, true);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const bool bold = std::find(boldRows.begin(), boldRows.end(), static_cast<int>(r)) != boldRows.end();
        if (y_ + rowHeight(rows[r], bold) > kBottom) {
            newPage();
            drawRow(head, true, true); // repeat the header on the next page
        }
        drawRow(rows[r], bold, false);
    }
    y_ += 8;
}

void Canvas::barChart(const std::vector<Bar>& bars, double scaleMin, double scaleMax, const std::vector<double>& markers) {
    cairo_t* cr = cr_.get();
    const double labelSize = 8, minLabelSize = 6.5;
    double widest = 0;
    for (const auto& b : bars) {
        PangoLayout* l = layout(b.label, labelSize, false, textWidth(), Align::Right);
        dyn::pango_layout_set_width(l, -1);
        widest = std::max(widest, layoutWidth(l));
    }
    const double labelW = std::clamp(widest + 8, textWidth() * 0.2, textWidth() * 0.5), valueW = 40, barH = 13, gap = 5;
    const double plotX = kMargin + labelW, plotW = textWidth() - labelW - valueW;
    const double height = static_cast<double>(bars.size()) * (barH + gap) + 18;
    ensure(height);
    const double top = y_;
    auto xOf = [&](double v) { return plotX + (std::clamp(v, scaleMin, scaleMax) - scaleMin) / (scaleMax - scaleMin) * plotW; };
    // Axis and mutu lines first: bars and figures are drawn over them.
    const double bottom = top + static_cast<double>(bars.size()) * (barH + gap);
    dyn::cairo_set_line_width(cr, 0.6);
    setColor(cr, kMuted);
    dyn::cairo_move_to(cr, plotX, top - 2);
    dyn::cairo_line_to(cr, plotX, bottom);
    dyn::cairo_line_to(cr, plotX + plotW, bottom);
    dyn::cairo_stroke(cr);
    const double dash[] = {3, 2};
    dyn::cairo_set_dash(cr, dash, 2, 0);
    for (double m : markers) {
        dyn::cairo_move_to(cr, xOf(m), top - 2);
        dyn::cairo_line_to(cr, xOf(m), bottom);
    }
    dyn::cairo_stroke(cr);
    dyn::cairo_set_dash(cr, nullptr, 0, 0);
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const double by = top + static_cast<double>(i) * (barH + gap);
        setColor(cr, kInk);
        PangoLayout* l = layout(bars[i].label, labelSize, false, labelW - 6, Align::Right);
        dyn::pango_layout_set_width(l, -1);
        const double natural = layoutWidth(l);
        const double fitted = std::max(minLabelSize, labelSize * std::min(1.0, (labelW - 6) / std::max(1.0, natural)));
        l = layout(bars[i].label, fitted, false, labelW - 6, Align::Right);
        dyn::pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);   // one line, whatever the label
        dyn::cairo_move_to(cr, kMargin, by + (barH - layoutHeight(l)) / 2);
        dyn::pango_cairo_show_layout(cr, l);
        dyn::pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_NONE);
        setColor(cr, bars[i].color);
        dyn::cairo_rectangle(cr, plotX, by, xOf(bars[i].value) - plotX, barH);
        dyn::cairo_fill(cr);
        l = layout(bars[i].valueText, 8, true, valueW, Align::Left);
        int tw = 0, th = 0;
        dyn::pango_layout_get_pixel_size(l, &tw, &th);
        // A white ground under the figure so the mutu lines never cross it.
        dyn::cairo_set_source_rgb(cr, 1, 1, 1);
        dyn::cairo_rectangle(cr, xOf(bars[i].value) + 1.5, by + 0.5, tw + 3, barH - 1);
        dyn::cairo_fill(cr);
        setColor(cr, kInk);
        dyn::cairo_move_to(cr, xOf(bars[i].value) + 3, by + (barH - layoutHeight(l)) / 2);
        dyn::pango_cairo_show_layout(cr, l);
    }
    for (double tick = scaleMin; tick <= scaleMax + 1e-9; tick += (scaleMax - scaleMin) / 3) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%g", tick);
        PangoLayout* l = layout(buf, 7, false, 40, Align::Center);
        dyn::cairo_move_to(cr, xOf(tick) - 20, bottom + 2);
        dyn::pango_cairo_show_layout(cr, l);
    }
    y_ = bottom + 20;
}

void Canvas::columnChart(const std::vector<Bar>& bars, double scaleMin, double scaleMax, const std::vector<double>& markers,
                         const std::vector<std::string>& markerLabels) {
    cairo_t* cr = cr_.get();
    const double plotH = 130, axisW = 34, labelH = 12, valueH = 11;
    const double height = valueH + plotH + labelH + 12;
    ensure(height);
    const double top = y_ + valueH, bottom = top + plotH, plotX = kMargin + axisW, plotW = textWidth() - axisW;
    auto yOf = [&](double v) { return bottom - (std::clamp(v, scaleMin, scaleMax) - scaleMin) / (scaleMax - scaleMin) * plotH; };
    dyn::cairo_set_line_width(cr, 0.6);
    setColor(cr, kMuted);
    dyn::cairo_move_to(cr, plotX, top - valueH);
    dyn::cairo_line_to(cr, plotX, bottom);
    dyn::cairo_line_to(cr, plotX + plotW, bottom);
    dyn::cairo_stroke(cr);
    const double dash[] = {3, 2};
    dyn::cairo_set_dash(cr, dash, 2, 0);
    for (std::size_t m = 0; m < markers.size(); ++m) {
        dyn::cairo_move_to(cr, plotX, yOf(markers[m]));
        dyn::cairo_line_to(cr, plotX + plotW, yOf(markers[m]));
    }
    dyn::cairo_stroke(cr);
    dyn::cairo_set_dash(cr, nullptr, 0, 0);
    for (std::size_t m = 0; m < markers.size() && m < markerLabels.size(); ++m) {
        PangoLayout* l = layout(markerLabels[m], 6.5, false, axisW - 3, Align::Right);
        dyn::cairo_move_to(cr, kMargin, yOf(markers[m]) - layoutHeight(l) / 2);
        dyn::pango_cairo_show_layout(cr, l);
    }
    const double slot = plotW / static_cast<double>(std::max<std::size_t>(1, bars.size()));
    const double barW = std::min(28.0, slot * 0.65);
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const double cx = plotX + slot * (static_cast<double>(i) + 0.5);
        setColor(cr, bars[i].color);
        dyn::cairo_rectangle(cr, cx - barW / 2, yOf(bars[i].value), barW, bottom - yOf(bars[i].value));
        dyn::cairo_fill(cr);
        PangoLayout* l = layout(bars[i].valueText, 6.5, true, slot, Align::Center);
        dyn::pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
        int tw = 0, th = 0;
        dyn::pango_layout_get_pixel_size(l, &tw, &th);
        // A white ground under the figure so a mutu line never crosses it.
        dyn::cairo_set_source_rgb(cr, 1, 1, 1);
        dyn::cairo_rectangle(cr, cx - tw / 2.0 - 1.5, yOf(bars[i].value) - valueH + 1, tw + 3, th);
        dyn::cairo_fill(cr);
        setColor(cr, kInk);
        dyn::cairo_move_to(cr, cx - slot / 2, yOf(bars[i].value) - valueH + 1);
        dyn::pango_cairo_show_layout(cr, l);
        l = layout(bars[i].label, 6.5, false, slot, Align::Center);
        dyn::cairo_move_to(cr, cx - slot / 2, bottom + 2);
        dyn::pango_cairo_show_layout(cr, l);
        dyn::pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_NONE);
    }
    y_ = bottom + labelH + 12;
}

void Canvas::signature(const std::vector<std::string>& above, double gap, const std::vector<std::string>& below) {
    const double x = kMargin + textWidth() * 0.55, w = textWidth() * 0.45, size = 10;
    double h = gap;
    for (const auto& s : above) h += layoutHeight(layout(s, size, false, w, Align::Left)) + 2;
    for (const auto& s : below) h += layoutHeight(layout(s, size, false, w, Align::Left)) + 2;
    ensure(h + 12);
    y_ += 12;
    auto line = [&](const std::string& s, bool bold) {
        PangoLayout* l = layout(s, size, bold, w, Align::Left);
        setColor(cr_.get(), kInk);
        dyn::cairo_move_to(cr_.get(), x, y_);
        dyn::pango_cairo_show_layout(cr_.get(), l);
        y_ += layoutHeight(l) + 2;
    };
    for (const auto& s : above) line(s, false);
    y_ += gap;
    for (std::size_t i = 0; i < below.size(); ++i) line(below[i], i == 0);
}

void Canvas::thumbnails(const std::vector<std::string>& pngs, const std::vector<std::string>& captions, double height) {
    cairo_t* cr = cr_.get();
    double x = kMargin;
    ensure(height + 14);
    for (std::size_t i = 0; i < pngs.size(); ++i) {
        PngReader reader{&pngs[i]};
        std::unique_ptr<cairo_surface_t, SurfaceCloser> img(dyn::cairo_image_surface_create_from_png_stream(readPng, &reader));
        if (dyn::cairo_surface_status(img.get()) != CAIRO_STATUS_SUCCESS) continue; // a damaged thumbnail is skipped
        const double w = dyn::cairo_image_surface_get_width(img.get()), h = dyn::cairo_image_surface_get_height(img.get());
        if (w <= 0 || h <= 0) continue;
        const double scale = height / h, dw = w * scale;
        if (x + dw > kMargin + textWidth()) {
            x = kMargin;
            y_ += height + 16;
            ensure(height + 14);
        }
        dyn::cairo_save(cr);
        dyn::cairo_translate(cr, x, y_);
        dyn::cairo_scale(cr, scale, scale);
        dyn::cairo_set_source_surface(cr, img.get(), 0, 0);
        dyn::cairo_paint(cr);
        dyn::cairo_restore(cr);
        setColor(cr, kRule);
        dyn::cairo_rectangle(cr, x, y_, dw, height);
        dyn::cairo_stroke(cr);
        if (i < captions.size()) {
            setColor(cr, kMuted);
            PangoLayout* l = layout(captions[i], 6.5, false, std::max(dw, 60.0), Align::Left);
            dyn::pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
            dyn::cairo_move_to(cr, x, y_ + height + 2);
            dyn::pango_cairo_show_layout(cr, l);
            dyn::pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_NONE);
        }
        x += std::max(dw, 60.0) + 8;
    }
    y_ += height + 18;
}

} // namespace sw::pdf
