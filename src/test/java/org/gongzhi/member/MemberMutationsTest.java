package org.gongzhi.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.support.GraphQL.call;
import static org.gongzhi.support.GraphQL.vars;
import static org.gongzhi.support.TestStreet.id;
import static org.gongzhi.support.TestStreet.memberId;
import static org.gongzhi.support.TestStreet.orgId;

import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.gongzhi.support.GraphQLTest;
import org.gongzhi.support.TestStreet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

@GraphQLTest
class MemberMutationsTest {

    static final String REGISTER = """
            mutation($input: RegisterMemberInput!) { registerMember(input: $input) {
              member { id name birthYear household { doorNumber } specialTags contact { phone masked } } replayed } }""";
    static final String ADD_MEMBERSHIP = """
            mutation($input: AddMembershipInput!) { addMembership(input: $input) {
              member { memberships { id role active organization { name } } } } }""";
    static final String PARTY = """
            mutation($input: SetPartyProfileInput!) { setPartyProfile(input: $input) {
              member { partyProfile { standing inService floating workplace registeredCommunity { name } homeBranch { name } } } } }""";
    static final String LINK = """
            mutation($input: ResponsibilityLinkInput!) { linkResponsibilityHousehold(input: $input) {
              member { responsibilityHouseholds { doorNumber } } warnings } }""";

    @Inject
    DataSource ds;

    TestStreet street;

    @BeforeEach
    void street() {
        street = new TestStreet(ds);
    }

    @Test
    void anAdministratorRegistersAResidentOnceAndTheRecordIsUsedEverywhere() {
        JsonPath r = call(street.adminAToken(), REGISTER, vars("input", vars("householdId", id("Household", street.householdA),
                "name", "赵大爷", "gender", "MALE", "birthDate", "1941-05-04", "phone", "13900001111",
                "idNumber", "11010119410504123X", "specialTags", List.of("ELDERLY_LIVING_ALONE", "VETERAN"))));
        assertThat(r.getList("errors")).isNull();
        assertThat(r.getInt("data.registerMember.member.birthYear")).isEqualTo(1941);
        assertThat(r.getString("data.registerMember.member.household.doorNumber")).isEqualTo("1-101");
        assertThat(r.getList("data.registerMember.member.specialTags", String.class)).containsExactlyInAnyOrder("ELDERLY_LIVING_ALONE", "VETERAN");
        assertThat(r.getBoolean("data.registerMember.member.contact.masked")).isFalse();

        JsonPath household = call(street.gridWorkerAToken(), "query($id: ID!) { household(id: $id) { members { name } } }",
                vars("id", id("Household", street.householdA)));
        assertThat(household.getList("data.household.members.name", String.class)).contains("赵大爷");

        JsonPath outside = call(street.adminBToken(), REGISTER, vars("input", vars("householdId", id("Household", street.householdA), "name", "越权登记")));
        assertThat(outside.getString("errors[0].extensions.code")).isEqualTo("FORBIDDEN");
    }

    @Test
    void membershipsArePeriodsAndAnOpenRoleIsHeldOnce() {
        JsonPath added = call(street.adminAToken(), ADD_MEMBERSHIP, vars("input", vars("memberId", memberId(street.residentAId),
                "organizationId", orgId(street.gridA), "role", "VOLUNTEER")));
        assertThat(added.getList("data.addMembership.member.memberships.role", String.class)).contains("RESIDENT", "VOLUNTEER");
        JsonPath twice = call(street.adminAToken(), ADD_MEMBERSHIP, vars("input", vars("memberId", memberId(street.residentAId),
                "organizationId", orgId(street.gridA), "role", "VOLUNTEER")));
        assertThat(twice.getString("errors[0].extensions.code")).isEqualTo("CONFLICT");

        List<String> ids = added.getList("data.addMembership.member.memberships.findAll { it.role == 'VOLUNTEER' }.id", String.class);
        JsonPath ended = call(street.adminAToken(), """
                mutation($input: EndMembershipInput!) { endMembership(input: $input) { member { memberships { role } } } }""",
                vars("input", vars("membershipId", ids.get(0))));
        assertThat(ended.getList("data.endMembership.member.memberships.role", String.class)).doesNotContain("VOLUNTEER");
        JsonPath again = call(street.adminAToken(), """
                mutation($input: EndMembershipInput!) { endMembership(input: $input) { member { id } } }""",
                vars("input", vars("membershipId", ids.get(0))));
        assertThat(again.getString("errors[0].extensions.code")).isEqualTo("INVALID_TRANSITION");
    }

    @Test
    void anInServicePartyMemberMustRegisterAtAResidentialCommunity() {
        JsonPath missing = call(street.adminAToken(), PARTY, vars("input", vars("memberId", memberId(street.partyMemberAId),
                "standing", "FORMAL", "inService", true, "floating", false, "workplace", "区税务局")));
        assertThat(missing.getString("errors[0].extensions.code")).isEqualTo("VALIDATION_FAILED");
        assertThat(missing.getString("errors[0].extensions.field")).isEqualTo("registeredCommunityId");

        JsonPath ok = call(street.adminAToken(), PARTY, vars("input", vars("memberId", memberId(street.partyMemberAId),
                "standing", "FORMAL", "inService", true, "floating", false, "workplace", "区税务局",
                "homeBranchId", orgId(street.gridA), "registeredCommunityId", orgId(street.communityA))));
        assertThat(ok.getList("errors")).isNull();
        assertThat(ok.getString("data.setPartyProfile.member.partyProfile.registeredCommunity.name")).isEqualTo("幸福社区" + street.tag);
        assertThat(ok.getBoolean("data.setPartyProfile.member.partyProfile.inService")).isTrue();
    }

    @Test
    void morethanTenResponsibilityHouseholdsIsAWarning() {
        call(street.adminAToken(), PARTY, vars("input", vars("memberId", memberId(street.partyMemberAId),
                "standing", "FORMAL", "inService", false, "floating", false)));
        JsonPath last = null;
        for (int i = 0; i < 11; i++) {
            long household = street.household(street.buildingA, street.gridA, street.communityA, "5-" + i);
            last = call(street.adminAToken(), LINK, vars("input", vars("partyMemberId", memberId(street.partyMemberAId),
                    "householdId", id("Household", household))));
            assertThat(last.getList("errors")).isNull();
            assertThat(last.getList("data.linkResponsibilityHousehold.warnings")).hasSize(i < 10 ? 0 : 1);
        }
        assertThat(last.getList("data.linkResponsibilityHousehold.member.responsibilityHouseholds")).hasSize(11);

        JsonPath notParty = call(street.adminAToken(), LINK, vars("input", vars("partyMemberId", memberId(street.residentAId),
                "householdId", id("Household", street.householdA))));
        assertThat(notParty.getString("errors[0].extensions.code")).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void buildingsBelongToGridsAndAMemberMayUpdateTheirOwnContact() {
        JsonPath notGrid = call(street.adminAToken(), """
                mutation($input: CreateBuildingInput!) { createBuilding(input: $input) { building { id } } }""",
                vars("input", vars("gridId", orgId(street.communityA), "name", "2号楼")));
        assertThat(notGrid.getString("errors[0].extensions.code")).isEqualTo("VALIDATION_FAILED");
        assertThat(notGrid.getString("errors[0].extensions.field")).isEqualTo("gridId");

        JsonPath own = call(street.residentAToken(), """
                mutation($input: UpdateMemberContactInput!) { updateMemberContact(input: $input) { member { contact { phone } } } }""",
                vars("input", vars("memberId", memberId(street.residentAId), "phone", "13700002222")));
        assertThat(own.getString("data.updateMemberContact.member.contact.phone")).isEqualTo("13700002222");
        JsonPath other = call(street.residentAToken(), """
                mutation($input: UpdateMemberContactInput!) { updateMemberContact(input: $input) { member { id } } }""",
                vars("input", vars("memberId", memberId(street.residentBId), "phone", "13700003333")));
        assertThat(other.getString("errors[0].extensions.code")).isEqualTo("FORBIDDEN");
    }
}
