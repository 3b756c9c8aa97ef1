// A4 page layout over cairo (PDF surface) and pango (text shaping and wrapping): a cursor that
// flows paragraphs, headings, tables, bar charts and images down the page and starts a new page
// (with the running header and footer: unit identity, period, key fingerprint, page number)
// when the next block does not fit. Units are PDF points (1/72 in).
#pragma once
#include "survey/export/pangocairo_lazy.hpp"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace sw::pdf {

struct SurfaceCloser {
    void operator()(cairo_surface_t* s) const { dyn::cairo_surface_destroy(s); }
};
struct ContextCloser {
    void operator()(cairo_t* c) const { dyn::cairo_destroy(c); }
};
struct LayoutCloser {
    void operator()(PangoLayout* l) const { dyn::g_object_unref(l); }
};
struct FontCloser {
    void operator()(PangoFontDescription* f) const { dyn::pango_font_description_free(f); }
};

struct Rgb {
    double r, g, b;
};

enum class Align { Left, Right, Center };

struct Column {
    std::string title;
    double width;          // fraction of the text width
    Align align = Align::Left;
};

struct Bar {
    std::string label;     // left of the bar
    double value;          // on the chart's scale
    std::string valueText; // printed at the bar's end
    Rgb color;
};

class Canvas {
public:
    static constexpr double kPageW = 595.276, kPageH = 841.89; // A4
    static constexpr double kMargin = 56.7;                     // 20 mm

    // Opens a PDF surface writing to `file`. header/footer are drawn on every page.
    Canvas(const std::string& file, std::string header, std::string footerLeft, std::string pageWord);
    ~Canvas();

    void setMetadata(const std::string& title, const std::string& author);
    // Finishes the document; throws std::runtime_error naming cairo's status (write error…).
    void finish();

    double textWidth() const { return kPageW - 2 * kMargin; }
    double y() const { return y_; }
    void space(double pt) { y_ += pt; }
    void newPage();
    void ensure(double height);   // a new page when `height` does not fit below the cursor

    void heading(const std::string& text, int level);          // 1: chapter, 2: section
    void paragraph(const std::string& text, double size = 10, bool bold = false, Align align = Align::Left);
    void bullet(const std::string& text, const std::string& mark = "•");
    void title(const std::string& text, double size);           // centred
    void table(const std::vector<Column>& cols, const std::vector<std::vector<std::string>>& rows,
               const std::vector<int>& boldRows = {});
    // Horizontal bars on [scaleMin, scaleMax] with vertical marker lines (e.g. mutu bounds). Each
    // label stays on one line: the label column is as wide as the longest (up to half the text
    // width), a label longer than that is set smaller, then shortened with "…".
    void barChart(const std::vector<Bar>& bars, double scaleMin, double scaleMax, const std::vector<double>& markers);
    // Vertical bars, one per point in time (oldest left), on [scaleMin, scaleMax] with horizontal
    // marker lines labelled `markerLabels` (e.g. the mutu bounds). A point without data has an
    // empty valueText-only column ("–").
    void columnChart(const std::vector<Bar>& bars, double scaleMin, double scaleMax, const std::vector<double>& markers,
                     const std::vector<std::string>& markerLabels);
    // A signature block in the right half of the page, kept on one page: `above` (place and date,
    // the office), `gap` points of room to sign, then `below` (name, NIP).
    void signature(const std::vector<std::string>& above, double gap, const std::vector<std::string>& below);
    // A row of PNG thumbnails (bytes), each `height` pt high, captions under them.
    void thumbnails(const std::vector<std::string>& pngs, const std::vector<std::string>& captions, double height);

    int pages() const { return page_; }

private:
    PangoLayout* layout(const std::string& text, double size, bool bold, double width, Align align);
    double layoutHeight(PangoLayout* l) const;
    double layoutWidth(PangoLayout* l) const;
    // Column widths in points: each at least as wide as its widest word (header or cell), so no
    // word is broken inside ("Grad-e"), the room taken from columns that have some to spare.
    std::vector<double> columnWidths(const std::vector<Column>& cols, const std::vector<std::vector<std::string>>& rows, double size,
                                     double pad);
    void drawHeaderFooter();

    std::unique_ptr<cairo_surface_t, SurfaceCloser> surface_;
    std::unique_ptr<cairo_t, ContextCloser> cr_;
    std::unique_ptr<PangoLayout, LayoutCloser> layout_;
    std::string header_, footerLeft_, pageWord_;
    double y_ = kMargin;
    int page_ = 0;
    bool finished_ = false;
};

} // namespace sw::pdf
