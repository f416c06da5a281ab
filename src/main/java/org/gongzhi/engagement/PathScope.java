package org.gongzhi.engagement;

import java.util.List;
import java.util.Map;

/** SQL for "this path column lies under one of these subtrees", as OR-ed prefix LIKEs served by the path indexes. */
final class PathScope {

    private PathScope() {
    }

    /** {@code (col like :prefix0 or col like :prefix1 ...)}, or {@code false} for no subtrees; fills params. */
    static String under(String column, List<String> paths, String prefix, Map<String, Object> params) {
        if (paths.isEmpty()) {
            return "false";
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < paths.size(); i++) {
            if (i > 0) {
                sb.append(" or ");
            }
            sb.append(column).append(" like :").append(prefix).append(i);
            params.put(prefix + i, paths.get(i) + "%");
        }
        return sb.append(')').toString();
    }
}
