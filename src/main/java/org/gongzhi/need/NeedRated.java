package org.gongzhi.need;

/**
 * Fired synchronously inside the rating transaction each time a need enters RATED (observers run in the
 * same transaction, so what they write commits or rolls back with the rating). A need can be rated again
 * after an objection reopened it: observers that must act once per need key their rows by {@code needId}.
 *
 * @param handlerMemberId the claimer or assigned member, or null when an organization handled it
 */
public record NeedRated(long needId, long requesterMemberId, Long handlerMemberId, int rating, boolean microWish) {
}
