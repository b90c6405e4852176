package org.letterdesk.app.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.List;

/**
 * Maps a bearer token to a Letterdesk user: the name from {@code preferred_username} (else {@code sub}), the
 * roles from the {@code roles} claim (CLERK, HANDLER, …), as the demo users have them.
 */
class RoleClaims implements Converter<Jwt, AbstractAuthenticationToken> {

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        List<String> roles = jwt.hasClaim("roles") ? jwt.getClaimAsStringList("roles") : List.of();
        var authorities = roles.stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.toUpperCase()))
                .toList();
        String name = jwt.hasClaim("preferred_username") ? jwt.getClaimAsString("preferred_username")
                : jwt.getSubject();
        return new JwtAuthenticationToken(jwt, authorities, name);
    }
}
