/**
 * Deliberations (议事协商): one matter per deliberation, scoped to a subtree of the party line.
 * <ul>
 * <li>{@link org.gongzhi.deliberation.DeliberationTransitions}: the stage machine as a table (who, from, to);</li>
 * <li>{@link org.gongzhi.deliberation.VoteRolls}: eligibility rules as SQL, fixed into a roll when a vote opens;</li>
 * <li>{@link org.gongzhi.deliberation.PassRule}: quorum and thresholds, including Civil Code art. 278;</li>
 * <li>{@link org.gongzhi.deliberation.VoteService}: ballots — one current per unit (unique index), secret ones
 * stored apart in {@code vote_participation} / {@code vote_secret_choice};</li>
 * <li>{@link org.gongzhi.deliberation.FourStepService}: 四议两公开 in order; {@link org.gongzhi.deliberation.PublicityService}:
 * the two publicities and objections; {@link org.gongzhi.deliberation.TaskService}: 督办 and the execution rate;
 * {@link org.gongzhi.deliberation.BudgetService}: 微实事 and its greedy selection.</li>
 * </ul>
 * Other features may read {@link org.gongzhi.deliberation.DeliberationQueries} (e.g. execution rates for insight).
 */
package org.gongzhi.deliberation;
