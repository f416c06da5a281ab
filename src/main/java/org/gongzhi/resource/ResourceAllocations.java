package org.gongzhi.resource;

import static org.gongzhi.platform.persistence.Rows.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.gongzhi.platform.audit.AuditLog;
import org.gongzhi.platform.error.DomainException;
import org.gongzhi.platform.id.GlobalId;
import org.gongzhi.platform.security.CurrentActor;
import org.gongzhi.platform.time.BusinessCalendar;
import org.gongzhi.platform.time.TimeSource;

/**
 * The capacity rules of the pool — the one place that writes {@code resource_allocation} and
 * {@code resource.remaining}. Public for the other features (stable API):
 * <ul>
 * <li>{@link #reserve(Request)} — any allocation (units, a slot, an amount) for a need or for something of another
 * feature ({@link AllocationPurpose#ACTIVITY}, {@link AllocationPurpose#TASK} ...);</li>
 * <li>{@link #reserveVenueSlot(long, AllocationPurpose, long, Instant, Instant, String)} — a VENUE time slot for an
 * activity (engagement) or a task (deliberation);</li>
 * <li>{@link #requireClaimablePost(long)} — checks a POST resource (双报到 岗位) can be claimed and returns it;</li>
 * <li>{@link #release(long, String)} and {@link #consume(long, String)}.</li>
 * </ul>
 * Every method runs inside the caller's transaction ({@code MANDATORY}) and records an audit entry; the caller
 * has already checked who may act (scope). Never overbooked, even under concurrency:
 * <ul>
 * <li>UNITS and MONEY: {@code update resource set remaining = remaining - :q where id = :id and status = 'ACTIVE'
 * and remaining >= :q} — zero rows means CAPACITY_EXHAUSTED; the check constraint {@code resource_no_overbooking}
 * is the last line;</li>
 * <li>SLOTS: the resource row is locked by the same kind of update, then an overlap check runs (READ COMMITTED
 * sees the committed slots of whoever held the lock before); the exclusion constraint
 * {@code resource_allocation_no_overlap} is the last line. An overlapping slot is CAPACITY_EXHAUSTED.</li>
 * </ul>
 * Allocation status: RESERVED → RELEASED (capacity returns) or RESERVED → CONSUMED (capacity is used up).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ResourceAllocations {

    static final int MAX_NOTE = 500;
    /** A single slot is at most this long (a venue booking, not a lease). */
    static final long MAX_SLOT_HOURS = 24;

    private final EntityManager em;
    private final AuditLog audit;
    private final TimeSource time;
    private final CurrentActor currentActor;
    private final BusinessCalendar calendar;

    ResourceAllocations(EntityManager em, AuditLog audit, TimeSource time, CurrentActor currentActor, BusinessCalendar calendar) {
        this.em = em;
        this.audit = audit;
        this.time = time;
        this.currentActor = currentActor;
        this.calendar = calendar;
    }

    /**
     * What to reserve: exactly one of {@code units} (UNITS), {@code slotStart}/{@code slotEnd} (SLOTS, end
     * exclusive) or {@code amountFen} (MONEY), matching the resource's capacity model. {@code needId} is required
     * for purpose NEED; {@code referenceId} names the owning object of another feature otherwise.
     */
    public record Request(long resourceId, AllocationPurpose purpose, Long needId, Long referenceId, Long units,
            Instant slotStart, Instant slotEnd, Long amountFen, String note) {
    }

    /** Reserves capacity; returns the new allocation's id. CAPACITY_EXHAUSTED when nothing is left. */
    public long reserve(Request req) {
        if (req.purpose() == null || (req.purpose() == AllocationPurpose.NEED) != (req.needId() != null)) {
            throw DomainException.invalid("needId", "An allocation for a need names the need; other purposes do not");
        }
        String note = req.note() == null || req.note().isBlank() ? null : req.note().strip();
        if (note != null && note.length() > MAX_NOTE) {
            throw DomainException.invalid("note", "note must be at most " + MAX_NOTE + " characters");
        }
        ResourceEntity r = ResourceEntity.findById(req.resourceId());
        if (r == null) {
            throw DomainException.notFound(Resource.TYPE, GlobalId.encode(Resource.TYPE, req.resourceId()));
        }
        Instant now = time.now();
        long quantity = measure(r, req);
        int taken;
        if (r.capacityModel == CapacityModel.SLOTS) {
            checkSlotAvailable(r, req.slotStart(), req.slotEnd());
            taken = em.createNativeQuery("""
                    update resource set open_allocations = open_allocations + 1, updated_at = :now
                    where id = :id and status = 'ACTIVE'
                    """).setParameter("now", now).setParameter("id", r.id).executeUpdate();
            requireActive(taken, r);
            long overlapping = ((Number) em.createNativeQuery("""
                    select count(*) from resource_allocation where resource_id = :id and status <> 'RELEASED'
                      and slot && tstzrange(:s, :e, '[)')
                    """).setParameter("id", r.id).setParameter("s", req.slotStart()).setParameter("e", req.slotEnd())
                    .getSingleResult()).longValue();
            if (overlapping > 0) {
                throw slotTaken();
            }
        } else {
            taken = em.createNativeQuery("""
                    update resource set remaining = remaining - :q, open_allocations = open_allocations + 1, updated_at = :now
                    where id = :id and status = 'ACTIVE' and remaining >= :q
                    """).setParameter("q", quantity).setParameter("now", now).setParameter("id", r.id).executeUpdate();
            if (taken == 0) {
                em.refresh(r);
                requireActive(r.status == ResourceStatus.ACTIVE ? 1 : 0, r);
                throw DomainException.capacityExhausted("Not enough capacity left: " + r.remaining + " remaining, " + quantity
                        + " asked (资源余量不足)");
            }
        }
        long id;
        try {
            id = ((Number) em.createNativeQuery("""
                    insert into resource_allocation (tenant_id, resource_id, need_id, purpose, reference_id, units, slot, amount_fen,
                                                     status, note, created_by, created_at, updated_at)
                    values (:t, :r, :need, :purpose, :ref, :units,
                            case when cast(:s as timestamptz) is null then null else tstzrange(cast(:s as timestamptz), cast(:e as timestamptz), '[)') end,
                            :amount, 'RESERVED', :note, :by, :now, :now)
                    returning id
                    """).setParameter("t", r.tenantId).setParameter("r", r.id).setParameter("need", req.needId())
                    .setParameter("purpose", req.purpose().name()).setParameter("ref", req.referenceId())
                    .setParameter("units", r.capacityModel == CapacityModel.UNITS ? quantity : null)
                    .setParameter("s", req.slotStart()).setParameter("e", req.slotEnd())
                    .setParameter("amount", r.capacityModel == CapacityModel.MONEY ? quantity : null).setParameter("note", note)
                    .setParameter("by", currentActor.get().memberId()).setParameter("now", now).getSingleResult()).longValue();
        } catch (PersistenceException e) {
            if (String.valueOf(rootMessage(e)).contains("resource_allocation_no_overlap")) {
                throw slotTaken();
            }
            throw e;
        }
        em.refresh(r);
        audit.record(r.auditChainKey(), "resource.allocate", "ResourceAllocation", id, AuditLog.change("resource", r.id,
                "purpose", req.purpose(), "need", req.needId(), "reference", req.referenceId(), "quantity", quantity,
                "slotStart", req.slotStart(), "slotEnd", req.slotEnd()));
        return id;
    }

    /**
     * Reserves a VENUE time slot [start, end) for an object of another feature (an activity, a task).
     * CAPACITY_EXHAUSTED when the slot overlaps a reserved or consumed one; VALIDATION_FAILED when the venue is
     * closed then (weekly schedule and exceptions, in the business zone).
     */
    public long reserveVenueSlot(long venueId, AllocationPurpose purpose, long referenceId, Instant start, Instant end, String note) {
        ResourceEntity r = ResourceEntity.findById(venueId);
        if (r == null || r.kind != ResourceKind.VENUE) {
            throw DomainException.invalid("venueId", "Not a venue (场地)");
        }
        return reserve(new Request(venueId, purpose, null, referenceId, null, start, end, null, note));
    }

    /** The POST resource (双报到岗位) if it is ACTIVE with places left; otherwise VALIDATION_FAILED or CAPACITY_EXHAUSTED. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ResourceEntity requireClaimablePost(long postId) {
        ResourceEntity r = ResourceEntity.findById(postId);
        if (r == null || r.kind != ResourceKind.POST) {
            throw DomainException.invalid("postId", "Not a post (岗位)");
        }
        if (r.status != ResourceStatus.ACTIVE) {
            throw DomainException.invalidTransition("The post is " + r.status + " (岗位" + r.status.label() + ")");
        }
        if (r.remaining != null && r.remaining <= 0) {
            throw DomainException.capacityExhausted("The post has no places left (岗位已满)");
        }
        return r;
    }

    /** Returns the capacity of a RESERVED allocation to the resource. INVALID_TRANSITION when it is not RESERVED. */
    public void release(long allocationId, String note) {
        finish(allocationId, AllocationStatus.RELEASED, note);
    }

    /** Marks a RESERVED allocation as used (service delivered, money spent). INVALID_TRANSITION when it is not RESERVED. */
    public void consume(long allocationId, String note) {
        finish(allocationId, AllocationStatus.CONSUMED, note);
    }

    private void finish(long allocationId, AllocationStatus to, String note) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select resource_id, coalesce(units, amount_fen), status from resource_allocation where id = :id for update")
                .setParameter("id", allocationId).getResultList();
        if (rows.isEmpty()) {
            throw DomainException.notFound(ResourceViews.Allocation.TYPE, GlobalId.encode(ResourceViews.Allocation.TYPE, allocationId));
        }
        Object[] a = rows.get(0);
        AllocationStatus from = AllocationStatus.valueOf(str(a[2]));
        if (from != AllocationStatus.RESERVED) {
            throw DomainException.invalidTransition("The allocation is already " + from + " (分配已" + from.label() + ")");
        }
        long resourceId = lng(a[0]);
        long quantity = a[1] == null ? 0 : lng(a[1]);
        Instant now = time.now();
        em.createNativeQuery("update resource_allocation set status = :s, note = coalesce(:note, note), updated_at = :now where id = :id")
                .setParameter("s", to.name()).setParameter("note", note == null || note.isBlank() ? null : clip(note.strip()))
                .setParameter("now", now).setParameter("id", allocationId).executeUpdate();
        em.createNativeQuery("""
                update resource set open_allocations = open_allocations - 1, updated_at = :now,
                       remaining = case when remaining is null or :back = 0 then remaining else remaining + :back end
                where id = :id
                """).setParameter("back", to == AllocationStatus.RELEASED ? quantity : 0L).setParameter("now", now)
                .setParameter("id", resourceId).executeUpdate();
        ResourceEntity r = ResourceEntity.findById(resourceId);
        if (r != null) {
            em.refresh(r);
        }
        audit.record(r == null ? 0 : r.auditChainKey(), "resource.allocation." + to.name().toLowerCase(), "ResourceAllocation",
                allocationId, AuditLog.change("resource", resourceId, "quantity", quantity));
    }

    private static String clip(String s) {
        return s.length() <= MAX_NOTE ? s : s.substring(0, MAX_NOTE);
    }

    /** The quantity the request takes from the resource (0 for a slot), checked against its capacity model. */
    private static long measure(ResourceEntity r, Request req) {
        boolean slot = req.slotStart() != null || req.slotEnd() != null;
        int given = (req.units() != null ? 1 : 0) + (slot ? 1 : 0) + (req.amountFen() != null ? 1 : 0);
        if (given != 1) {
            throw DomainException.invalid(fieldOf(r.capacityModel), "Give exactly one of units, a slot or amountFen ("
                    + r.capacityModel + " resource)");
        }
        return switch (r.capacityModel) {
            case UNITS -> positive(req.units(), "units", 1_000_000L);
            case MONEY -> positive(req.amountFen(), "amountFen", 1_000_000_000_000L);
            case SLOTS -> {
                if (req.slotStart() == null || req.slotEnd() == null) {
                    throw DomainException.invalid("slotStart", "A venue slot needs slotStart and slotEnd");
                }
                if (!req.slotEnd().isAfter(req.slotStart())) {
                    throw DomainException.invalid("slotEnd", "slotEnd must be after slotStart");
                }
                if (req.slotEnd().isAfter(req.slotStart().plusSeconds(MAX_SLOT_HOURS * 3600))) {
                    throw DomainException.invalid("slotEnd", "A slot lasts at most " + MAX_SLOT_HOURS + " hours");
                }
                yield 0L;
            }
        };
    }

    private static String fieldOf(CapacityModel model) {
        return switch (model) {
            case UNITS -> "units";
            case MONEY -> "amountFen";
            case SLOTS -> "slotStart";
        };
    }

    private static long positive(Long value, String field, long max) {
        if (value == null) {
            throw DomainException.invalid(field, field + " is required for this resource");
        }
        if (value <= 0 || value > max) {
            throw DomainException.invalid(field, field + " must be between 1 and " + max);
        }
        return value;
    }

    /** A slot must fall on one local day inside an opening window (exceptions override the weekly schedule). */
    private void checkSlotAvailable(ResourceEntity r, Instant start, Instant end) {
        ZonedDateTime s = start.atZone(calendar.zone());
        ZonedDateTime e = end.atZone(calendar.zone());
        LocalDate day = s.toLocalDate();
        boolean sameDay = e.toLocalDate().equals(day) || (e.toLocalDate().equals(day.plusDays(1)) && e.toLocalTime().equals(LocalTime.MIDNIGHT));
        @SuppressWarnings("unchecked")
        List<Object[]> exception = em.createNativeQuery(
                "select cast(opens as text), cast(closes as text) from resource_exception where resource_id = :id and on_date = :d")
                .setParameter("id", r.id).setParameter("d", day).getResultList();
        List<Object[]> windows;
        if (!exception.isEmpty()) {
            windows = exception.get(0)[0] == null ? List.of() : exception;
            if (windows.isEmpty()) {
                throw DomainException.invalid("slotStart", "The venue is closed on " + day + " (当日不开放)");
            }
        } else {
            @SuppressWarnings("unchecked")
            List<Object[]> weekly = em.createNativeQuery("select opens, closes from resource_window where resource_id = :id")
                    .setParameter("id", r.id).getResultList();
            if (weekly.isEmpty()) {
                return; // no schedule: always available
            }
            @SuppressWarnings("unchecked")
            List<Object[]> today = em.createNativeQuery(
                    "select cast(opens as text), cast(closes as text) from resource_window where resource_id = :id and weekday = :w")
                    .setParameter("id", r.id).setParameter("w", (short) day.getDayOfWeek().getValue()).getResultList();
            windows = today;
        }
        LocalTime from = s.toLocalTime();
        LocalTime to = e.toLocalTime();
        for (Object[] w : windows) {
            LocalTime opens = LocalTime.parse(ResourceQueries.hhmm(w[0]));
            LocalTime closes = LocalTime.parse(ResourceQueries.hhmm(w[1]));
            if (sameDay && !from.isBefore(opens) && (to.equals(LocalTime.MIDNIGHT) ? closes.equals(LocalTime.MAX) : !to.isAfter(closes))) {
                return;
            }
        }
        throw DomainException.invalid("slotStart", "The venue is not open for the whole slot (不在开放时段内)");
    }

    private static void requireActive(int taken, ResourceEntity r) {
        if (taken == 0) {
            throw DomainException.invalidTransition("The resource is " + r.status + " and takes no allocations (资源"
                    + r.status.label() + ")");
        }
    }

    private static DomainException slotTaken() {
        return DomainException.capacityExhausted("The slot overlaps one already booked (该时段已被预订)");
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null) {
            c = c.getCause();
        }
        return c.getMessage();
    }
}
