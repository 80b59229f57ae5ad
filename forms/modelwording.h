#pragma once

#include <QAbstractItemModel>

namespace vd {

// After a language change: every header and cell of a table model is worded
// anew (the texts are made when asked for), so views ask again. Rows and
// selection stay as they are.
inline void announceNewWording(QAbstractItemModel &model)
{
    const int columns = model.columnCount();
    const int rows = model.rowCount();
    if (columns == 0)
        return;
    emit model.headerDataChanged(Qt::Horizontal, 0, columns - 1);
    if (rows > 0)
        emit model.dataChanged(model.index(0, 0), model.index(rows - 1, columns - 1));
}

} // namespace vd
