#pragma once

namespace vd {

// A page of a list: at most `limit` rows after skipping `offset`.
struct Page
{
    int limit = 50;
    int offset = 0;
};

} // namespace vd
