package org.gongzhi.need;

import java.util.EnumSet;
import java.util.Set;

/**
 * Fired synchronously inside the step's transaction when a need is resolved (its service was delivered) or ends
 * without being served (cancelled, rejected, closed as a duplicate), so features holding capacity for it — the
 * resource pool's allocations — consume or release it in the same transaction.
 */
public record NeedSettled(long needId, NeedAction action, NeedStatus status) {

    /** The steps that settle a need. */
    public static final Set<NeedAction> ACTIONS = EnumSet.of(NeedAction.RESOLVE, NeedAction.CANCEL, NeedAction.REJECT,
            NeedAction.MARK_DUPLICATE);

    /** True when the need was served (resolved); false when it ended unserved. */
    public boolean served() {
        return action == NeedAction.RESOLVE;
    }
}
