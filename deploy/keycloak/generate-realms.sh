#!/usr/bin/env bash
# Writes one Keycloak realm export per demo municipality next to this script:
# kommune-<code>-realm.json. The files are committed; run this again after changing the template
# below so that the four realms stay identical apart from the municipality code and name.
#
# DEMO ONLY: public client with password grant, a browser client whose secret is in the file
# (demo-web-secret-<code>), password "demo" for every user, no TLS.
# See README.md in this folder.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

# code:name, in the order of the README.
MUNICIPALITIES=("0716:Re" "0714:Hof" "0702:Holmestrand" "0706:Sandefjord")

# user <code> <name> <username-prefix> <role> <first-name> <n> <last-in-list>
# The user id is fixed (not random) so that a re-import gives every demo user the same "sub".
user() {
  local code=$1 name=$2 prefix=$3 role=$4 first=$5 n=$6 last=$7
  cat <<EOF
    {
      "id": "00000000-0000-4000-8000-${code}0000000${n}",
      "username": "${prefix}-${code}",
      "enabled": true,
      "emailVerified": true,
      "firstName": "${first}",
      "lastName": "${name}",
      "email": "${prefix}-${code}@kommune-${code}.example",
      "credentials": [
        {
          "type": "password",
          "value": "demo",
          "temporary": false
        }
      ],
      "realmRoles": [
        "${role}"
      ],
      "requiredActions": []
    }$( [ "$last" = last ] || printf ',' )
EOF
}

# The audience "samkost" in the access tokens of both clients (what the service's tenants require).
audience_mapper() {
  cat <<EOF
        {
          "name": "samkost-audience",
          "protocol": "openid-connect",
          "protocolMapper": "oidc-audience-mapper",
          "consentRequired": false,
          "config": {
            "included.custom.audience": "samkost",
            "access.token.claim": "true",
            "id.token.claim": "false",
            "introspection.token.claim": "true"
          }
        }
EOF
}

realm() {
  local code=$1 name=$2
  cat <<EOF
{
  "id": "kommune-${code}",
  "realm": "kommune-${code}",
  "displayName": "${name} kommune (demo)",
  "enabled": true,
  "sslRequired": "none",
  "accessTokenLifespan": 1800,
  "defaultSignatureAlgorithm": "RS256",
  "registrationAllowed": false,
  "resetPasswordAllowed": false,
  "rememberMe": false,
  "editUsernameAllowed": false,
  "roles": {
    "realm": [
      {
        "name": "coordinator",
        "description": "samkost: registers recipients and costs for ${name}"
      },
      {
        "name": "viewer",
        "description": "samkost: reads ${name}'s recipients and costs"
      },
      {
        "name": "cooperation-member",
        "description": "samkost: member of a cooperation's project group (pooled figures only)"
      },
      {
        "name": "auditor",
        "description": "samkost: ${name}'s auditor (revisor): reads the claim, its basis and the audit trail; attests or returns the claim"
      }
    ]
  },
  "clients": [
    {
      "clientId": "samkost",
      "name": "samkost (demo)",
      "description": "Demo only: public client with direct access grants (password login from curl).",
      "enabled": true,
      "protocol": "openid-connect",
      "publicClient": true,
      "bearerOnly": false,
      "consentRequired": false,
      "standardFlowEnabled": true,
      "implicitFlowEnabled": false,
      "directAccessGrantsEnabled": true,
      "serviceAccountsEnabled": false,
      "frontchannelLogout": true,
      "fullScopeAllowed": true,
      "redirectUris": [
        "http://127.0.0.1:8080/*"
      ],
      "webOrigins": [
        "+"
      ],
      "attributes": {
        "pkce.code.challenge.method": "S256",
        "post.logout.redirect.uris": "+"
      },
      "protocolMappers": [
$(audience_mapper)
      ],
      "defaultClientScopes": [
        "basic",
        "roles",
        "profile",
        "email",
        "web-origins",
        "acr"
      ],
      "optionalClientScopes": []
    },
    {
      "clientId": "samkost-web",
      "name": "samkost web (demo)",
      "description": "Demo only: the browser login of /app (authorization code flow with PKCE). Its secret is the demo's, set by deploy/local/run.sh as SAMKOST_WEB_SECRET_${code}.",
      "enabled": true,
      "protocol": "openid-connect",
      "publicClient": false,
      "clientAuthenticatorType": "client-secret",
      "secret": "demo-web-secret-${code}",
      "bearerOnly": false,
      "consentRequired": false,
      "standardFlowEnabled": true,
      "implicitFlowEnabled": false,
      "directAccessGrantsEnabled": false,
      "serviceAccountsEnabled": false,
      "frontchannelLogout": false,
      "fullScopeAllowed": true,
      "redirectUris": [
        "http://127.0.0.1:8080/app/*"
      ],
      "webOrigins": [],
      "attributes": {
        "pkce.code.challenge.method": "S256",
        "post.logout.redirect.uris": "http://127.0.0.1:8080/app/*"
      },
      "protocolMappers": [
$(audience_mapper),
        {
          "name": "realm-roles-in-id-token",
          "protocol": "openid-connect",
          "protocolMapper": "oidc-usermodel-realm-role-mapper",
          "consentRequired": false,
          "config": {
            "claim.name": "realm_access.roles",
            "jsonType.label": "String",
            "multivalued": "true",
            "id.token.claim": "true",
            "access.token.claim": "true",
            "userinfo.token.claim": "false",
            "introspection.token.claim": "true"
          }
        }
      ],
      "defaultClientScopes": [
        "basic",
        "roles",
        "profile",
        "web-origins",
        "acr"
      ],
      "optionalClientScopes": []
    }
  ],
  "users": [
$(user "$code" "$name" coordinator coordinator Coordinator 1 no)
$(user "$code" "$name" viewer viewer Viewer 2 no)
$(user "$code" "$name" group cooperation-member Group 3 no)
$(user "$code" "$name" auditor auditor Auditor 4 last)
  ]
}
EOF
}

for entry in "${MUNICIPALITIES[@]}"; do
  code=${entry%%:*}
  name=${entry#*:}
  realm "$code" "$name" > "kommune-${code}-realm.json"
  echo "wrote deploy/keycloak/kommune-${code}-realm.json"
done
