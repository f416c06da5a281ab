package org.gongzhi.resource;

import static org.gongzhi.resource.ResourceStatus.*;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.gongzhi.platform.error.DomainException;

/**
 * The resource lifecycle as data: ACTIVE ⇄ PAUSED, either → RETIRED (final). Only ACTIVE resources take new
 * allocations; pausing or retiring keeps the existing ones (they are released or consumed as usual).
 */
public final class ResourceTransitions {

    /** One row of the table. */
    public record Transition(ResourceAction action, Set<ResourceStatus> from, ResourceStatus to) {
    }

    public static final List<Transition> TABLE = List.of(
            new Transition(ResourceAction.PAUSE, EnumSet.of(ACTIVE), PAUSED),
            new Transition(ResourceAction.RESUME, EnumSet.of(PAUSED), ACTIVE),
            new Transition(ResourceAction.RETIRE, EnumSet.of(ACTIVE, PAUSED), RETIRED));

    private ResourceTransitions() {
    }

    /** The target status, or INVALID_TRANSITION when the resource's status does not allow the step. */
    static ResourceStatus require(ResourceAction action, ResourceStatus from) {
        return TABLE.stream().filter(t -> t.action() == action && t.from().contains(from)).map(Transition::to).findFirst()
                .orElseThrow(() -> DomainException.invalidTransition("Cannot " + action.name().toLowerCase() + " a resource that is "
                        + from + " (" + action.label() + "不适用于" + from.label() + "状态)"));
    }
}
