# ruff: noqa: E501
"""Templates of genre ``server_log``: access logs, app logs, auth logs, stack traces."""

GENRE = "server_log"

RAW = r"""
%% server_log/001
{{?TIMESTAMP}} INFO  [{{?MODULE}}] request completed method={{?HTTP_METHOD}} path={{?PATH}} status={{?HTTP_STATUS}} duration={{?DURATION}} request_id={{?UUID}}
%% server_log/002
{{IP_ADDRESS}} - - [{{?TIMESTAMP}}] "{{?HTTP_METHOD}} {{?PATH}} HTTP/1.1" {{?HTTP_STATUS}} {{?NUMBER}} "-" "Mozilla/5.0 (X11; Linux x86_64)"
%% server_log/003
{{?TIMESTAMP}} WARN  auth: failed login for user={{USERNAME}} from {{IP_ADDRESS}} (attempt {{?NUMBER}}/5)
%% server_log/004
{{?TIMESTAMP}} ERROR Unhandled exception in {{?FUNCTION}}
Traceback (most recent call last):
  File "{{?PATH}}", line {{?NUMBER}}, in {{?FUNCTION}}
    resp = client.post(url, json=payload, timeout=30)
TimeoutError: connection to {{?HOSTNAME}}:{{?PORT}} timed out after {{?DURATION}}
%% server_log/005
{{?TIMESTAMP}} DEBUG sending welcome mail to={{EMAIL_ADDRESS}} template=onboarding_v2 msg_id={{?UUID}}
%% server_log/006
{{?TIMESTAMP}} INFO worker-{{?NUMBER}} picked job {{?UUID}} (queue=exports, attempt=1)
%% server_log/007
{{?TIMESTAMP}} sshd[{{?NUMBER}}]: Accepted publickey for {{USERNAME}} from {{IP_ADDRESS}} port {{?PORT}} ssh2
%% server_log/008
level=error ts={{?TIMESTAMP}} caller=client.go:{{?NUMBER}} msg="upstream unavailable" host={{?HOSTNAME}} err="{{?ERROR_CODE}}"
%% server_log/009
{{?TIMESTAMP}} WARN config: AWS_SECRET_ACCESS_KEY={{SECRET}} loaded from environment (DO NOT LOG SECRETS)
%% server_log/010
{{?TIMESTAMP}} INFO  db.pool: pool size={{?NUMBER}} idle={{?NUMBER}} wait={{?DURATION}}
%% server_log/011
[{{?TIMESTAMP}}] [error] [client {{IP_ADDRESS}}] File does not exist: {{?PATH}}
%% server_log/012
{{?TIMESTAMP}} INFO payment authorized order={{?ORDER_ID}} amount={{?AMOUNT}} currency={{?CURRENCY}} trace={{?HEX_ID}}
%% server_log/013
{{?TIMESTAMP}} ERROR payment gateway rejected card={{CREDIT_CARD}} reason={{?ERROR_CODE}} order={{?ORDER_ID}}
%% server_log/014
{{?TIMESTAMP}} CRITICAL disk usage on {{?HOSTNAME}} at {{?PERCENT}} (/var/lib/docker)
%% server_log/015
Mar 03 {{?TIME}} {{?HOSTNAME}} systemd[1]: Started Daily apt upgrade and clean activities.
%% server_log/016
{{?TIMESTAMP}} INFO user.updated id={{?NUMBER}} email={{EMAIL_ADDRESS}} phone={{PHONE_NUMBER}} by=admin-console note="{{CONTEXT}}"
%% server_log/017
{{?TIMESTAMP}} DEBUG HTTP request headers: Host: {{?HOSTNAME}} | Authorization: Bearer {{SECRET}} | X-Request-Id: {{?UUID}}
%% server_log/018
{{?TIMESTAMP}} INFO  Started {{?MODULE}} v{{?VERSION}} in {{?DURATION}} (env={{?ENV}}, region={{?REGION}})
%% server_log/019
{"level":"info","ts":"{{?TIMESTAMP}}","msg":"login ok","user":"{{USERNAME}}","ip":"{{IP_ADDRESS}}"}
%% server_log/020
{{?TIMESTAMP}} ERROR psycopg2.errors.UniqueViolation: duplicate key value violates unique constraint "users_email_key"
DETAIL:  Key (email)=({{EMAIL_ADDRESS}}) already exists.
%% server_log/021
{{?TIMESTAMP}} INFO cron: nightly backup finished, {{?FILE_SIZE}} uploaded to {{?HOSTNAME}} in {{?DURATION}}
%% server_log/022
{{?TIMESTAMP}} WARN rate limit exceeded for {{IP_ADDRESS}} on {{?PATH}} ({{?NUMBER}} req/min)
%% server_log/023
   at com.example.billing.InvoiceService.render(InvoiceService.java:{{?NUMBER}})
   at com.example.billing.InvoiceController.get(InvoiceController.java:{{?NUMBER}})
Caused by: java.lang.IllegalStateException: template not found for locale {{?COUNTRY}}
%% server_log/024
{{?TIMESTAMP}} INFO signup completed user={{USERNAME}} name="{{PERSON}}" plan={{?PLAN}} referrer={{URL}} comment="{{CONTEXT}}"
%% server_log/025
{{?TIMESTAMP}} kernel: [{{?NUMBER}}.{{?NUMBER}}] Out of memory: Killed process {{?NUMBER}} (python3) total-vm:{{?FILE_SIZE}}
%% server_log/026
{{?TIMESTAMP}} DEBUG login attempt user={{USERNAME}} password={{PASSWORD}} result=FAIL  # TODO remove this log line!!
%% server_log/027
{{?TIMESTAMP}} INFO healthcheck {{?PATH}} -> {{?HTTP_STATUS}} in {{?DURATION}}
%% server_log/028
{{?TIMESTAMP}} ERROR smtp: 550 mailbox unavailable for <{{EMAIL_ADDRESS}}> (relay {{?HOSTNAME}})
%% server_log/029
{{?TIMESTAMP}} NOTICE deploy {{?VERSION}} rolled out to {{?NUMBER}}/{{?NUMBER}} pods in {{?REGION}}
%% server_log/030
{{?TIMESTAMP}} WARN  kyc: document check failed for customer {{?NUMBER}} passport={{PASSPORT}} reason=expired
%% server_log/031
{{?TIMESTAMP}} INFO  audit: {{USERNAME}} exported {{?NUMBER}} rows from table customers ({{?FILE_SIZE}})
%% server_log/032
{{?TIMESTAMP}} ERROR k8s pod api-{{?HEX_ID}} status {{?ERROR_CODE}}, restarts={{?NUMBER}}
%% server_log/033
{{?TIMESTAMP}} INFO sms sent to={{PHONE_NUMBER}} provider=twilio sid={{?HEX_ID}} status=queued
%% server_log/034
{{?TIMESTAMP}} DEBUG cache miss key=product:{{?SKU}} ttl={{?DURATION}}
%% server_log/035
{{?TIMESTAMP}} INFO  sepa mandate created iban={{IBAN_CODE}} debtor="{{PERSON}}" ref={{?PAYMENT_REF}}
%% server_log/036
{{?TIMESTAMP}} WARN  payload validation failed: field "note" = "{{CONTEXT}}" exceeds 140 chars
%% server_log/037
{{?TIMESTAMP}} ERROR GET {{?PATH}} 500 - TypeError: Cannot read properties of undefined (reading 'id')
    at {{?FUNCTION}} ({{?PATH}}:{{?NUMBER}}:{{?NUMBER}})
%% server_log/038
{{?TIMESTAMP}} INFO  vpn: session opened user={{USERNAME}} assigned={{IP_ADDRESS#1}} public={{IP_ADDRESS#2}} reason="{{CONTEXT}}"
%% server_log/039
{{?TIMESTAMP}} INFO  ssn verification request for applicant ssn={{US_SSN}} dob={{DATE_OF_BIRTH}} result=MATCH
%% server_log/040
{{?TIMESTAMP}} WARN  slow query ({{?DURATION}}): SELECT * FROM orders WHERE status = '{{?STATUS}}' LIMIT {{?NUMBER}}
%% server_log/041
{{?TIMESTAMP}} ERROR failed to parse webhook from {{?HOSTNAME}}: unexpected token at position {{?NUMBER}}
%% server_log/042
{{?TIMESTAMP}} INFO  chat message from {{USERNAME}}: "{{CONTEXT}}"
%% server_log/043
{{?TIMESTAMP}} [{{?UUID}}] INFO Completed {{?HTTP_STATUS}} OK in {{?DURATION}} (Views: {{?DURATION}} | ActiveRecord: {{?DURATION}})
%% server_log/044
{{?TIMESTAMP}} WARN  dl check: license {{US_DRIVER_LICENSE}} not found in DMV response for {{PERSON}}
%% server_log/045
{{?TIMESTAMP}} INFO  contact form submitted name="{{PERSON}}" message="{{CONTEXT}}"
%% server_log/046
{{?TIMESTAMP}} ERROR kyc.verify failed national_id={{NATIONAL_ID}} reason=checksum
%% server_log/047
{{?TIMESTAMP}} DEBUG stripe.charge card={{CREDIT_CARD}} amount={{?NUMBER}} currency={{?CURRENCY}} idempotency_key={{?UUID}}
%% server_log/048
{{?TIMESTAMP}} WARN  support-bot transcript user={{USERNAME}} text="{{CONTEXT}}"
%% server_log/049
{{?TIMESTAMP}} INFO  profile.update user={{USERNAME}} field=website value={{URL}}
%% server_log/050
{{?TIMESTAMP}} ERROR payout failed account={{BANK_ACCOUNT}} holder="{{PERSON}}" code={{?ERROR_CODE}}
%% server_log/051
{{?TIMESTAMP}} INFO  onboarding.step user_id={{?NUMBER}} step=id_upload doc=drivers_license number={{US_DRIVER_LICENSE}}
%% server_log/052
{{?TIMESTAMP}} DEBUG  form payload: {{CONTEXT}}
%% server_log/053
{{?TIMESTAMP}} WARN  geoip: login for {{USERNAME}} from {{IP_ADDRESS}} ({{?COUNTRY}}) differs from usual location {{?CITY}}
%% server_log/054
{{?TIMESTAMP}} ERROR vault: token {{SECRET}} expired, re-authenticating
%% server_log/055
{{?TIMESTAMP}} INFO  passport-ocr result="{{PASSPORT}}" confidence={{?PERCENT}} doc_id={{?UUID}}
%% server_log/056
{{?TIMESTAMP}} INFO  login ok user={{USERNAME#1}} ip={{IP_ADDRESS#1}}
{{?TIMESTAMP}} INFO  GET {{?PATH}} user={{USERNAME#1}} status={{?HTTP_STATUS}}
{{?TIMESTAMP}} INFO  logout user={{USERNAME#1}} ip={{IP_ADDRESS#1}} session={{?DURATION}}
%% server_log/057
level=warn ts={{?TIMESTAMP}} caller=uploader.go:{{?NUMBER}} component=uploader msg="retrying" host={{?HOSTNAME}} trace_id={{?HEX_ID}} attempt={{?NUMBER}}
%% server_log/058
{{?TIMESTAMP}} INFO  cache set key=product:{{?SKU}} ttl={{?DURATION}} request_id={{?UUID}} upstream=https://{{?HOSTNAME}}/v1/products
%% server_log/059
{{?TIMESTAMP}} INFO  {{?HTTP_METHOD}} {{URL}} {{?HTTP_STATUS}} {{?DURATION}} user={{USERNAME}} job_id={{?UUID}}
%% server_log/060
{{?TIMESTAMP}} WARN  support: password reset for account {{EMAIL_ADDRESS}} (ticket {{?TICKET_ID}}), temporary password read out by phone, callback {{PHONE_NUMBER}} idem_key={{?UUID}}
%% server_log/061
{{?TIMESTAMP}} ERROR payout.failed trace={{?HEX_ID}} iban={{IBAN_CODE}} fallback_account={{BANK_ACCOUNT}} reason={{?ERROR_CODE}} retry_in={{?DURATION}}
%% server_log/062
ts={{?TIMESTAMP}} level=debug caller=env.go:{{?NUMBER}} msg="loaded secret" GITHUB_TOKEN={{SECRET}} source=vault req={{?UUID}}
%% server_log/063
{{?TIMESTAMP}} {{?HOSTNAME}} sshd[{{?NUMBER}}]: Disconnected from user {{USERNAME}} {{IP_ADDRESS}} port {{?PORT}}
%% server_log/064
{{?TIMESTAMP}} INFO  GET https://{{?HOSTNAME}}/api/v2/exports {{?HTTP_STATUS}} {{?DURATION}} job={{?UUID}} po={{?ORDER_ID}}
"""
