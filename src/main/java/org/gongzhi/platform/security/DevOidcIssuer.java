package org.gongzhi.platform.security;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.profile.IfBuildProfile;
import io.smallrye.jwt.build.Jwt;

/**
 * A tiny OIDC issuer for dev mode only ({@code ./mvnw quarkus:dev}): the app verifies its own demo tokens,
 * so no external identity provider is needed. Not even built into test or prod (build profile "dev").
 * The RSA key pair lives in memory and changes on every start; nothing secret is committed.
 *
 * <ul>
 * <li>{@code GET /dev/oidc/jwks}: the public key as a JWKS (the app's OIDC client reads it, jwks-path=jwks)</li>
 * <li>{@code GET|POST /dev/oidc/token?persona=demo-resident}: an access token for a demo persona (subject =
 * persona, roles in {@code groups}); {@code persona=demo-miniprogram} is a service client that acts for a
 * bound WeChat user with the header {@code X-Acting-For: WECHAT_OPENID:o-demo-resident-openid}</li>
 * </ul>
 */
@Path("/dev/oidc")
@ApplicationScoped
@IfBuildProfile("dev")
@Produces(MediaType.APPLICATION_JSON)
public class DevOidcIssuer {

    /** Demo personas and the roles their tokens carry. */
    static final Map<String, List<String>> PERSONAS = personas();
    static final long LIFETIME_SECONDS = 12 * 3600;

    private final KeyPair keys;
    private final String keyId = "gongzhi-dev-" + UUID.randomUUID().toString().substring(0, 8);
    private final String issuer;

    DevOidcIssuer(@ConfigProperty(name = "quarkus.oidc.token.issuer") String issuer) throws NoSuchAlgorithmException {
        this.issuer = issuer;
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        this.keys = generator.generateKeyPair();
    }

    private static Map<String, List<String>> personas() {
        Map<String, List<String>> p = new LinkedHashMap<>();
        p.put("demo-street-admin", List.of("street_admin"));
        p.put("demo-community-admin", List.of("community_admin"));
        p.put("demo-grid-worker", List.of("grid_worker"));
        p.put("demo-party-member", List.of("party_member", "volunteer", "resident"));
        p.put("demo-resident", List.of("resident"));
        p.put("demo-volunteer", List.of("volunteer", "resident"));
        p.put("demo-miniprogram", List.of("service_client"));
        return p;
    }

    @GET
    @Path("jwks")
    public String jwks() {
        RSAPublicKey pub = (RSAPublicKey) keys.getPublic();
        JsonObject key = Json.createObjectBuilder()
                .add("kty", "RSA").add("use", "sig").add("alg", "RS256").add("kid", keyId)
                .add("n", base64Url(pub.getModulus())).add("e", base64Url(pub.getPublicExponent()))
                .build();
        return Json.createObjectBuilder().add("keys", Json.createArrayBuilder().add(key)).build().toString();
    }

    @GET
    @Path("token")
    public Response token(@QueryParam("persona") String persona) {
        List<String> roles = persona == null ? null : PERSONAS.get(persona);
        if (roles == null) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Json.createObjectBuilder().add("error", "invalid_request")
                            .add("error_description", "persona must be one of " + PERSONAS.keySet()).build().toString())
                    .build();
        }
        String token = Jwt.subject(persona)
                .issuer(issuer)
                .claim("preferred_username", persona)
                .groups(Set.copyOf(roles))
                .expiresIn(LIFETIME_SECONDS)
                .jws().keyId(keyId)
                .sign(keys.getPrivate());
        return Response.ok(Json.createObjectBuilder().add("access_token", token).add("token_type", "Bearer")
                .add("expires_in", LIFETIME_SECONDS).build().toString()).build();
    }

    @POST
    @Path("token")
    public Response tokenByPost(@QueryParam("persona") String persona) {
        return token(persona);
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
