/**
 * The resource pool (资源池): resources, capacity-safe allocation, need–resource matching, the service menu
 * (菜单式服务), co-building agreements (共建协议), emergency supplies (应急物资) and fund disclosure (资金公开).
 *
 * <p>For other features (stable):
 * <ul>
 * <li>Tables {@code resource} and {@code resource_allocation} (V20): an allocation serves a need ({@code need_id},
 * purpose NEED) or an object of another feature ({@code purpose} ACTIVITY / TASK / AGREEMENT / OTHER with
 * {@code reference_id}).</li>
 * <li>{@link org.gongzhi.resource.ResourceAllocations}: {@code reserve(Request)}, {@code reserveVenueSlot(...)} for
 * activities, {@code requireClaimablePost(id)} for 双报到 posts, {@code release(id, note)}, {@code consume(id, note)} —
 * inside the caller's transaction, after the caller's own scope check; CAPACITY_EXHAUSTED when nothing is left.
 * A resolution task drawing on a fund: {@code reserve(new Request(fundId, AllocationPurpose.TASK, null, taskId, null,
 * null, null, amountFen, note))}, then {@code consume} when paid.</li>
 * <li>{@link org.gongzhi.resource.ResourceQueries#byIds(java.util.List)} and {@code COLUMNS}/{@code resource(row, offset)}
 * to show resources in other views; {@code @Source Resource} resolvers may add fields.</li>
 * </ul>
 * Needs: a resolved need consumes its reservations, a cancelled, rejected or duplicate one releases them
 * ({@link org.gongzhi.need.NeedSettled}); ratings feed the providers' track record ({@link org.gongzhi.need.NeedRated}).
 */
package org.gongzhi.resource;
