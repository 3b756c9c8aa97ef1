// cairo and pango, loaded the first time a PDF is drawn (survey/base/lazy_library.hpp): the functions
// pdf_canvas.cpp calls, each typed by cairo's and pango's headers. libpangocairo depends on libpango,
// libcairo and libgobject, so opening it opens them and its handle finds their functions too.
#pragma once
#include "survey/base/lazy_library.hpp"

#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

namespace sw::dyn {

SW_LAZY_LIBRARY(libpangocairo, SW_SONAME_PANGOCAIRO, "the PDF drawing libraries cairo and pango")

SW_LAZY_FORWARD(libpangocairo, cairo_create)
SW_LAZY_FORWARD(libpangocairo, cairo_destroy)
SW_LAZY_FORWARD(libpangocairo, cairo_fill)
SW_LAZY_FORWARD(libpangocairo, cairo_image_surface_create_from_png_stream)
SW_LAZY_FORWARD(libpangocairo, cairo_image_surface_get_height)
SW_LAZY_FORWARD(libpangocairo, cairo_image_surface_get_width)
SW_LAZY_FORWARD(libpangocairo, cairo_line_to)
SW_LAZY_FORWARD(libpangocairo, cairo_move_to)
SW_LAZY_FORWARD(libpangocairo, cairo_paint)
SW_LAZY_FORWARD(libpangocairo, cairo_pdf_surface_create)
SW_LAZY_FORWARD(libpangocairo, cairo_pdf_surface_set_metadata)
SW_LAZY_FORWARD(libpangocairo, cairo_rectangle)
SW_LAZY_FORWARD(libpangocairo, cairo_restore)
SW_LAZY_FORWARD(libpangocairo, cairo_save)
SW_LAZY_FORWARD(libpangocairo, cairo_scale)
SW_LAZY_FORWARD(libpangocairo, cairo_set_dash)
SW_LAZY_FORWARD(libpangocairo, cairo_set_line_width)
SW_LAZY_FORWARD(libpangocairo, cairo_set_source_rgb)
SW_LAZY_FORWARD(libpangocairo, cairo_set_source_surface)
SW_LAZY_FORWARD(libpangocairo, cairo_show_page)
SW_LAZY_FORWARD(libpangocairo, cairo_status_to_string)
SW_LAZY_FORWARD(libpangocairo, cairo_stroke)
SW_LAZY_FORWARD(libpangocairo, cairo_surface_destroy)
SW_LAZY_FORWARD(libpangocairo, cairo_surface_finish)
SW_LAZY_FORWARD(libpangocairo, cairo_surface_status)
SW_LAZY_FORWARD(libpangocairo, cairo_translate)
SW_LAZY_FORWARD(libpangocairo, g_object_unref)
SW_LAZY_FORWARD(libpangocairo, pango_cairo_create_layout)
SW_LAZY_FORWARD(libpangocairo, pango_cairo_show_layout)
SW_LAZY_FORWARD(libpangocairo, pango_font_description_free)
SW_LAZY_FORWARD(libpangocairo, pango_font_description_new)
SW_LAZY_FORWARD(libpangocairo, pango_font_description_set_absolute_size)
SW_LAZY_FORWARD(libpangocairo, pango_font_description_set_family)
SW_LAZY_FORWARD(libpangocairo, pango_font_description_set_weight)
SW_LAZY_FORWARD(libpangocairo, pango_layout_get_pixel_size)
SW_LAZY_FORWARD(libpangocairo, pango_layout_get_size)
SW_LAZY_FORWARD(libpangocairo, pango_layout_set_alignment)
SW_LAZY_FORWARD(libpangocairo, pango_layout_set_ellipsize)
SW_LAZY_FORWARD(libpangocairo, pango_layout_set_font_description)
SW_LAZY_FORWARD(libpangocairo, pango_layout_set_justify)
SW_LAZY_FORWARD(libpangocairo, pango_layout_set_text)
SW_LAZY_FORWARD(libpangocairo, pango_layout_set_width)
SW_LAZY_FORWARD(libpangocairo, pango_layout_set_wrap)

} // namespace sw::dyn
