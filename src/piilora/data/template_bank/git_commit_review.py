# ruff: noqa: E501
"""Templates of genre ``git_commit_review``: commit messages, diffs, PR descriptions, review comments."""

GENRE = "git_commit_review"

RAW = r"""
%% git_commit_review/001
commit {{?HEX_ID}}
Author: {{PERSON}} <{{EMAIL_ADDRESS}}>
Date:   {{?TIMESTAMP}}

    fix(billing): round VAT per line item instead of per invoice
%% git_commit_review/002
fix: handle {{?ERROR_CODE}} when {{?HOSTNAME}} is unreachable

Retries with exponential backoff up to {{?DURATION}}.
Closes {{?TICKET_ID}}.
%% git_commit_review/003
{{USERNAME}} commented on {{?PATH}} line {{?NUMBER}}:
> nit: this could be a list comprehension
%% git_commit_review/004
Merge pull request #{{?NUMBER}} from {{USERNAME}}/{{?BRANCH}}
%% git_commit_review/005
chore(deps): bump {{?PRODUCT}} sdk from {{?VERSION}} to {{?VERSION}}
%% git_commit_review/006
-DB_PASSWORD={{PASSWORD}}
+DB_PASSWORD=${DB_PASSWORD}
 DB_HOST={{?HOSTNAME}}
%% git_commit_review/007
## Summary
Adds CSV export for invoices.

## Testing
- unit tests for {{?MODULE}}
- manual test on {{?ENV}} with {{?NUMBER}} invoices
%% git_commit_review/008
Revert "feat: new checkout flow"

This reverts commit {{?HEX_ID}}. Conversion dropped {{?PERCENT}} on {{?ENV}}.
%% git_commit_review/009
Co-authored-by: {{PERSON}} <{{EMAIL_ADDRESS}}>
%% git_commit_review/010
⚠️ GitGuardian detected a secret in commit {{?HEX_ID}}: Generic API key `{{SECRET}}` in {{?PATH}}. Please revoke it.
%% git_commit_review/011
@@ -{{?NUMBER}},6 +{{?NUMBER}},7 @@ def {{?FUNCTION}}(order):
-    timeout = 30
+    timeout = settings.GATEWAY_TIMEOUT
+    log.debug("calling %s", "{{?HOSTNAME}}")
%% git_commit_review/012
Review by {{USERNAME}}: Approved ✅ - LGTM, but please squash before merging.
%% git_commit_review/013
feat(auth): lock account after 5 failed logins

Tested with user {{USERNAME}} from {{IP_ADDRESS}}; lockout triggers after the 5th attempt. {{CONTEXT}}.
%% git_commit_review/014
docs: update README with new install steps for {{?VERSION}}
%% git_commit_review/015
Signed-off-by: {{PERSON}} <{{EMAIL_ADDRESS}}>
%% git_commit_review/016
PR #{{?NUMBER}}: Remove hardcoded test card
-    card = "{{CREDIT_CARD}}"
+    card = os.environ["TEST_CARD"]
%% git_commit_review/017
{{USERNAME#1}} requested changes:
> Why not reuse {{?FUNCTION}} here?
{{USERNAME#2}} replied:
> it doesn't support retries, see {{?TICKET_ID}}
%% git_commit_review/018
perf: cache product lookups ({{?PERCENT}} fewer DB queries, p95 {{?DURATION}} -> {{?DURATION}})
%% git_commit_review/019
test: add fixture for customer {{PERSON}} at {{STREET_ADDRESS}} (fake data? double check before merging) {{CONTEXT}}
%% git_commit_review/020
Release {{?VERSION}}
- fix crash on empty cart
- faster search
- new {{?COUNTRY}} tax rules
%% git_commit_review/021
author {{PERSON}} <{{EMAIL_ADDRESS}}> {{?TIMESTAMP}}
committer {{?COMPANY}} CI <{{EMAIL_ADDRESS}}> {{?TIMESTAMP}}
%% git_commit_review/022
fix typo in {{?PATH}}
%% git_commit_review/023
- "seed_admin_password": "{{PASSWORD}}",
+ "seed_admin_password": null,
%% git_commit_review/024
CI: {{?NUMBER}} passed, {{?NUMBER}} skipped, 1 failed ({{?PATH}}::test_refund) in {{?DURATION}}
%% git_commit_review/025
Reviewer note: this logs the full IBAN ({{IBAN_CODE}} in the test output) - please mask everything but the last 4.
%% git_commit_review/026
style: run formatter on {{?MODULE}}
%% git_commit_review/027
refactor: extract {{?FUNCTION}} from {{?MODULE}}

No behaviour change. {{CONTEXT}}.
%% git_commit_review/028
git log --oneline
{{?HEX_ID}} fix flaky test
{{?HEX_ID}} bump {{?VERSION}}
{{?HEX_ID}} add retry to webhook sender
%% git_commit_review/029
Suggested change by @{{USERNAME}}:
-  const url = "http://" + host
+  const url = "https://" + host
%% git_commit_review/030
security: rotate leaked token {{SECRET}} and move to secrets manager (reported by {{PERSON}})
%% git_commit_review/031
Blame: line {{?NUMBER}} last changed by {{USERNAME}} in {{?HEX_ID}} ({{?DATE}})
%% git_commit_review/032
feat: allow users to add a profile link

Validated with {{URL}} and an empty value. {{CONTEXT}}.
%% git_commit_review/033
hotfix({{?ENV}}): bump memory limit to {{?FILE_SIZE}} after {{?ERROR_CODE}}
%% git_commit_review/034
Review comment: the fixture contains a real-looking SSN ({{US_SSN}}); replace it with a generated one.
%% git_commit_review/035
Branch {{?BRANCH}} is {{?NUMBER}} commits behind main. Rebase before merge.
%% git_commit_review/036
+ALLOWED_IPS = ["{{IP_ADDRESS#1}}", "{{IP_ADDRESS#2}}"]
%% git_commit_review/037
Thanks {{PERSON}} for the report! Fixed in {{?VERSION}}. {{CONTEXT}}.
%% git_commit_review/038
chore: remove passport sample {{PASSPORT}} from tests/fixtures/kyc.json
%% git_commit_review/039
ci: pin runner image to ubuntu-24.04 and cache pip ({{?DURATION}} saved per run)
%% git_commit_review/040
{{USERNAME}} commented: {{CONTEXT}}
%% git_commit_review/041
fix(tests): replace hardcoded driver license {{US_DRIVER_LICENSE}} with factory value
%% git_commit_review/042
Review: `{{CREDIT_CARD}}` in the test is a real card number from the support ticket, not a test one. Please remove. {{CONTEXT}}.
%% git_commit_review/043
chore: scrub national id {{NATIONAL_ID}} and bank account {{BANK_ACCOUNT}} from sample export
%% git_commit_review/044
feat(config): read API token from env instead of `{{SECRET}}` literal ({{CONTEXT}})
%% git_commit_review/045
Reviewer: the test hits {{IP_ADDRESS}} directly - please use the mock server. Also the password "{{PASSWORD}}" in conftest.py should go.
%% git_commit_review/046
docs: add maintainer profile {{URL}} to AUTHORS
%% git_commit_review/047
build: drop support for Node 16, require >= 18 ({{?TICKET_ID}})
%% git_commit_review/048
PR checklist
- [x] tests added
- [x] changelog updated for {{?VERSION}}
- [ ] docs
%% git_commit_review/049
commit {{?HEX_ID}}
Author: {{PERSON#1}} <{{EMAIL_ADDRESS#1}}>

    fix: escape user input in search ({{?TICKET_ID}})

    Signed-off-by: {{PERSON#1}} <{{EMAIL_ADDRESS#1}}>
%% git_commit_review/050
fix(cache): namespace keys as product:{{?SKU}} instead of the raw SKU ({{?TICKET_ID}})

Trace {{?HEX_ID}} showed collisions on {{?HOSTNAME}}.
%% git_commit_review/051
test: use a fixed idempotency key {{?UUID}} in the retry test; bump {{?MODULE}} to {{?VERSION}}
%% git_commit_review/052
Review on {{?PATH}}:
- SENDGRID_API_KEY={{SECRET}} is a live key, please move it to the vault
- `{{CREDIT_CARD}}` is not one of the documented test cards
%% git_commit_review/053
@{{USERNAME}} the seed script sets the password "{{PASSWORD}}" for every user and prints it. Please generate random ones.
%% git_commit_review/054
fix(kyc): the log line `doc_number={{PASSPORT}} status=ok` leaked to the error tracker; redact before send ({{?TICKET_ID}})
%% git_commit_review/055
commit {{?HEX_ID}}
Author: {{PERSON}} <{{EMAIL_ADDRESS}}>

    chore: remove hardcoded `-u {{USERNAME}}:{{SECRET}}` from deploy.sh
"""
