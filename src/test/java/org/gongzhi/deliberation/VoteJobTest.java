package org.gongzhi.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.deliberation.DeliberationFixture.advance;
import static org.gongzhi.deliberation.DeliberationFixture.dbId;
import static org.gongzhi.deliberation.DeliberationFixture.mutate;
import static org.gongzhi.deliberation.DeliberationFixture.ok;
import static org.gongzhi.support.GraphQL.vars;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.gongzhi.platform.time.TimeSource;
import org.gongzhi.platform.time.Times;
import org.gongzhi.support.Concurrently;
import org.gongzhi.support.GraphQLTest;
import org.gongzhi.support.TestStreet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The vote job closes a vote at its planned time, once, even when several pods run it together. */
@GraphQLTest
class VoteJobTest {

    @Inject
    DataSource ds;
    @Inject
    TimeSource time;
    @Inject
    VoteJob job;

    TestStreet street;
    DeliberationFixture fx;

    @BeforeEach
    void street() {
        street = new TestStreet(ds);
        fx = new DeliberationFixture(ds, street);
    }

    @AfterEach
    void clock() {
        time.reset();
    }

    @Test
    void aVoteClosesOnceAtItsPlannedTime() throws Exception {
        String id = fx.propose("定时结束的表决");
        ok(advance(street.adminAToken(), id, "OPEN_CONSULTATION"));
        assertThat(mutate(street.adminAToken(), "openDeliberationVoting", vars("deliberationId", id,
                "closesAt", Times.local(time.now().minus(Duration.ofHours(1))).toString())).getString("errors[0].extensions.field"))
                .isEqualTo("closesAt");
        ok(mutate(street.adminAToken(), "openDeliberationVoting", vars("deliberationId", id,
                "closesAt", Times.local(time.now().plus(Duration.ofDays(1))).toString())));
        ok(mutate(street.residentAToken(), "castVote", vars("deliberationId", id, "choice", "FOR")));
        job.runOnce();
        assertThat(fx.stage(id)).isEqualTo("VOTING");

        time.advance(Duration.ofDays(2));
        List<String> runs = Concurrently.run(List.of(1, 2, 3, 4), i -> String.valueOf(job.runOnce()));
        assertThat(runs.stream().mapToInt(Integer::parseInt).sum()).isEqualTo(1);
        assertThat(fx.stage(id)).isEqualTo("DECIDED");
        assertThat(fx.one("select outcome from deliberation where id = ?", dbId(id))).isEqualTo("PASSED");
        assertThat(fx.count("select count(*) from deliberation_event where deliberation_id = ? and action = 'CLOSE_VOTING'", dbId(id)))
                .isEqualTo(1L);
        // the vote is closed: no more ballots
        assertThat(DeliberationFixture.code(mutate(street.partyMemberAToken(), "castVote", vars("deliberationId", id, "choice", "AGAINST"))))
                .isEqualTo("INVALID_TRANSITION");
    }
}
