// libxlsxwriter, loaded the first time a workbook is written (survey/base/lazy_library.hpp): the
// functions xlsx.cpp and the Peduli HAM export call, each typed by xlsxwriter.h.
#pragma once
#include "survey/base/lazy_library.hpp"

#include <xlsxwriter.h>

namespace sw::dyn {

SW_LAZY_LIBRARY(libxlsxwriter, SW_SONAME_XLSXWRITER, "the XLSX library libxlsxwriter")

SW_LAZY_FORWARD(libxlsxwriter, format_set_align)
SW_LAZY_FORWARD(libxlsxwriter, format_set_bg_color)
SW_LAZY_FORWARD(libxlsxwriter, format_set_bold)
SW_LAZY_FORWARD(libxlsxwriter, format_set_border)
SW_LAZY_FORWARD(libxlsxwriter, format_set_font_size)
SW_LAZY_FORWARD(libxlsxwriter, format_set_num_format)
SW_LAZY_FORWARD(libxlsxwriter, format_set_text_wrap)
SW_LAZY_FORWARD(libxlsxwriter, lxw_strerror)
SW_LAZY_FORWARD(libxlsxwriter, workbook_add_format)
SW_LAZY_FORWARD(libxlsxwriter, workbook_add_worksheet)
SW_LAZY_FORWARD(libxlsxwriter, workbook_close)
SW_LAZY_FORWARD(libxlsxwriter, workbook_new)
SW_LAZY_FORWARD(libxlsxwriter, workbook_new_opt)
SW_LAZY_FORWARD(libxlsxwriter, worksheet_fit_to_pages)
SW_LAZY_FORWARD(libxlsxwriter, worksheet_freeze_panes)
SW_LAZY_FORWARD(libxlsxwriter, worksheet_repeat_rows)
SW_LAZY_FORWARD(libxlsxwriter, worksheet_set_column)
SW_LAZY_FORWARD(libxlsxwriter, worksheet_set_footer)
SW_LAZY_FORWARD(libxlsxwriter, worksheet_set_header)
SW_LAZY_FORWARD(libxlsxwriter, worksheet_set_landscape)
SW_LAZY_FORWARD(libxlsxwriter, worksheet_set_paper)
SW_LAZY_FORWARD(libxlsxwriter, worksheet_set_row)
SW_LAZY_FORWARD(libxlsxwriter, worksheet_write_blank)
SW_LAZY_FORWARD(libxlsxwriter, worksheet_write_formula_num)
SW_LAZY_FORWARD(libxlsxwriter, worksheet_write_formula_str)
SW_LAZY_FORWARD(libxlsxwriter, worksheet_write_number)
SW_LAZY_FORWARD(libxlsxwriter, worksheet_write_string)

} // namespace sw::dyn
