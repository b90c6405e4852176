package org.letterdesk.app.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Who is signed in: a client (the console) shows each user only the actions their roles allow. */
@RestController
@RequestMapping(path = "/api/me", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Me", description = "The signed-in user and their roles")
class MeController {

    private static final String ROLE_PREFIX = "ROLE_";

    record Me(String user, List<String> roles) {
    }

    @GetMapping
    @Operation(summary = "The signed-in user's name and roles (CLERK, HANDLER, …), for any authenticated user")
    Me me(Authentication authentication) {
        List<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(ROLE_PREFIX))
                .map(authority -> authority.substring(ROLE_PREFIX.length()))
                .sorted().toList();
        return new Me(authentication.getName(), roles);
    }
}
