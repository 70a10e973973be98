# ruff: noqa: E501
"""Templates of genre ``json_record``: API payloads, exports, events (JSON or JSON Lines).

Every slot except the digit-only NUMERIC_FILLERS sits inside a JSON string; the
corpus generator JSON-escapes inserted values.
"""

GENRE = "json_record"

RAW = r"""
%% json_record/001
{"id": {{?NUMBER}}, "name": "{{PERSON}}", "email": "{{EMAIL_ADDRESS}}", "created_at": "{{?TIMESTAMP}}"}
%% json_record/002
{"order_id": "{{?ORDER_ID}}", "status": "{{?STATUS}}", "total": "{{?PRICE}}", "items": {{?NUMBER}}}
%% json_record/003
{
  "user": {
    "username": "{{USERNAME}}",
    "email": "{{EMAIL_ADDRESS}}",
    "phone": "{{PHONE_NUMBER}}"
  },
  "plan": "{{?PLAN}}",
  "trial_ends": "{{?DATE}}"
}
%% json_record/004
{"event": "page_view", "path": "{{?PATH}}", "ts": "{{?TIMESTAMP}}", "session": "{{?UUID}}"}
%% json_record/005
{"customer": {"name": "{{PERSON}}", "address": "{{STREET_ADDRESS}}"}, "shipment": {"carrier": "{{?COMPANY}}", "tracking": "{{?TRACKING_NO}}"}}
%% json_record/006
{"level": "error", "service": "{{?MODULE}}", "code": "{{?ERROR_CODE}}", "trace_id": "{{?HEX_ID}}", "host": "{{?HOSTNAME}}"}
%% json_record/007
{
  "payment_method": {
    "type": "card",
    "number": "{{CREDIT_CARD}}",
    "holder": "{{PERSON}}"
  },
  "amount": "{{?AMOUNT}}",
  "currency": "{{?CURRENCY}}"
}
%% json_record/008
[
  {"sku": "{{?SKU}}", "name": "{{?PRODUCT}}", "qty": {{?NUMBER}}, "price": "{{?PRICE}}"},
  {"sku": "{{?SKU}}", "name": "{{?PRODUCT}}", "qty": {{?NUMBER}}, "price": "{{?PRICE}}"}
]
%% json_record/009
{"employee_id": "E{{?NUMBER}}", "full_name": "{{PERSON}}", "dob": "{{DATE_OF_BIRTH}}", "ssn": "{{US_SSN}}", "department": "{{?DEPARTMENT}}"}
%% json_record/010
{"ip": "{{IP_ADDRESS}}", "country": "{{?COUNTRY}}", "asn": "AS{{?NUMBER}}", "blocked": true}
%% json_record/011
{"version": "{{?VERSION}}", "build": "{{?HEX_ID}}", "released": "{{?DATE}}", "changelog_url": "{{?PATH}}"}
%% json_record/012
{"beneficiary": "{{PERSON}}", "iban": "{{IBAN_CODE}}", "amount": "{{?AMOUNT}}", "reference": "{{?INVOICE_NO}}", "execution_date": "{{?DATE}}"}
%% json_record/013
{"type": "user.login", "actor": "{{USERNAME}}", "source_ip": "{{IP_ADDRESS}}", "user_agent": "okhttp/4.12.0", "at": "{{?TIMESTAMP}}"}
%% json_record/014
{"database": {"host": "{{?HOSTNAME}}", "port": {{?PORT}}, "user": "{{USERNAME}}", "password": "{{PASSWORD}}"}, "pool": {{?NUMBER}}}
%% json_record/015
{"ticket": "{{?TICKET_ID}}", "priority": "high", "assignee_team": "{{?DEPARTMENT}}", "sla": "{{?DURATION}}"}
%% json_record/016
{"profile": {"display_name": "{{PERSON}}", "website": "{{URL}}", "bio": "{{CONTEXT}}"}}
%% json_record/017
{"traveler": {"name": "{{PERSON}}", "passport": "{{PASSPORT}}", "nationality": "{{?COUNTRY}}", "birth_date": "{{DATE_OF_BIRTH}}"}, "flight": "{{?FLIGHT_NO}}", "seat": "{{?SEAT}}"}
%% json_record/018
{"metric": "http_requests_total", "labels": {"method": "{{?HTTP_METHOD}}", "status": "{{?HTTP_STATUS}}"}, "value": {{?NUMBER}}}
%% json_record/019
{"api_key": "{{SECRET}}", "endpoint": "https://{{?HOSTNAME}}{{?PATH}}", "timeout_ms": {{?NUMBER}}}
%% json_record/020
{"invoice": "{{?INVOICE_NO}}", "issued": "{{?DATE}}", "due": "{{?DATE}}", "net": "{{?AMOUNT}}", "vat_rate": "{{?PERCENT}}", "seller": "{{?COMPANY}}"}
%% json_record/021
{"contact": {"first_last": "{{PERSON}}", "mobile": "{{PHONE_NUMBER}}", "notes": "{{CONTEXT}}"}, "source": "webform"}
%% json_record/022
{"applicant": "{{PERSON}}", "national_id": "{{NATIONAL_ID}}", "address": "{{STREET_ADDRESS}}", "status": "{{?STATUS}}"}
%% json_record/023
{"job": "{{?UUID}}", "state": "succeeded", "rows": {{?NUMBER}}, "took": "{{?DURATION}}", "output": "{{?PATH}}"}
{"job": "{{?UUID}}", "state": "failed", "rows": 0, "took": "{{?DURATION}}", "error": "{{?ERROR_CODE}}"}
%% json_record/024
{"driver": {"name": "{{PERSON}}", "license_no": "{{US_DRIVER_LICENSE}}", "state": "NY"}, "vehicle": "{{?SKU}}"}
%% json_record/025
{"account": {"number": "{{BANK_ACCOUNT}}", "holder": "{{PERSON}}", "type": "checking"}, "balance": "{{?AMOUNT}}"}
%% json_record/026
{"flag": "new_checkout", "enabled": true, "rollout": "{{?PERCENT}}", "owner_team": "{{?DEPARTMENT}}"}
%% json_record/027
{"message": {"from": "{{EMAIL_ADDRESS#1}}", "to": ["{{EMAIL_ADDRESS#2}}"], "subject": "Invoice {{?INVOICE_NO}}", "body": "Hi {{PERSON}}, {{CONTEXT}}."}}
%% json_record/028
{"weather": {"city": "{{?CITY}}", "temp_c": {{?NUMBER}}, "updated": "{{?TIMESTAMP}}"}}
%% json_record/029
{"cart_id": "{{?UUID}}", "coupon": "SPRING{{?NUMBER}}", "discount": "{{?PERCENT}}", "subtotal": "{{?PRICE}}"}
%% json_record/030
{"user_id": {{?NUMBER}}, "username": "{{USERNAME}}", "roles": ["viewer"], "last_login_ip": "{{IP_ADDRESS}}"}
%% json_record/031
{"patient": {"name": "{{PERSON}}", "dob": "{{DATE_OF_BIRTH}}"}, "diagnosis": "{{?ICD_CODE}}", "medication": "{{?MEDICATION}}", "dosage": "{{?DOSAGE}}"}
%% json_record/032
{"status": "ok", "uptime": "{{?DURATION}}", "version": "{{?VERSION}}", "region": "{{?REGION}}"}
%% json_record/033
{"webhook": {"id": "{{?UUID}}", "url": "https://{{?HOSTNAME}}/hooks/{{?HEX_ID}}", "secret": "{{SECRET}}"}, "events": ["order.created", "order.paid"]}
%% json_record/034
{"name":"{{PERSON}}","email":"{{EMAIL_ADDRESS}}","password":"{{PASSWORD}}","accept_terms":true}
%% json_record/035
{"shipment": "{{?TRACKING_NO}}", "events": [{"at": "{{?TIMESTAMP}}", "where": "{{?CITY}}", "status": "{{?STATUS}}"}, {"at": "{{?TIMESTAMP}}", "where": "{{?CITY}}", "status": "{{?STATUS}}"}]}
%% json_record/036
{"review": {"author": "{{USERNAME}}", "rating": {{?NUMBER}}, "text": "{{CONTEXT}}", "product": "{{?PRODUCT}}"}}
%% json_record/037
{"error": {"code": "{{?ERROR_CODE}}", "message": "Request failed with status {{?HTTP_STATUS}}", "request_id": "{{?UUID}}"}}
%% json_record/038
{"kyc": {"document": "passport", "number": "{{PASSPORT}}", "expires": "{{?DATE}}", "verified": false}, "customer_ref": "{{?HEX_ID}}"}
%% json_record/039
{"id":"{{?UUID}}","name":"{{PERSON}}","ssn":"{{US_SSN}}","phone":"{{PHONE_NUMBER}}","address":"{{STREET_ADDRESS}}"}
%% json_record/040
{"exchange_rate": {"base": "EUR", "quote": "{{?CURRENCY}}", "rate": "{{?AMOUNT}}", "as_of": "{{?DATE}}"}}
%% json_record/041
{"social": {"handle": "{{USERNAME}}", "profile_url": "{{URL}}", "followers": {{?NUMBER}}}}
%% json_record/042
{"ssh": {"user": "{{USERNAME}}", "host": "{{IP_ADDRESS}}", "port": {{?PORT}}}, "note": "{{CONTEXT}}"}
%% json_record/043
{"chat": [{"from": "customer", "text": "{{CONTEXT}}"}, {"from": "agent", "text": "Thanks, I've updated your file."}]}
%% json_record/044
{"license": {"number": "{{US_DRIVER_LICENSE}}", "class": "C", "expires": "{{?DATE}}"}, "holder": "{{PERSON}}", "dob": "{{DATE_OF_BIRTH}}"}
%% json_record/045
{"tax_profile": {"ssn": "{{US_SSN}}", "filing_status": "married", "address": "{{STREET_ADDRESS}}"}, "note": "{{CONTEXT}}"}
%% json_record/046
{"payment": {"card": "{{CREDIT_CARD}}", "exp": "{{?MONTH}}", "3ds": true}, "customer_email": "{{EMAIL_ADDRESS}}"}
%% json_record/047
{"form_id": "{{?UUID}}", "fields": {"name": "{{PERSON}}", "comment": "{{CONTEXT}}"}, "submitted_at": "{{?TIMESTAMP}}"}
%% json_record/048
{"audit": {"actor": "{{USERNAME}}", "action": "password.reset", "new_password": "{{PASSWORD}}", "ip": "{{IP_ADDRESS}}"}}
%% json_record/049
{"citizen": {"name": "{{PERSON}}", "national_id": "{{NATIONAL_ID}}", "passport": "{{PASSPORT}}"}, "issued_in": "{{?CITY}}"}
%% json_record/050
{"healthchecks": [{"name": "db", "ok": true, "latency": "{{?DURATION}}"}, {"name": "cache", "ok": false, "error": "{{?ERROR_CODE}}"}]}
%% json_record/051
{"product": {"sku": "{{?SKU}}", "title": "{{?PRODUCT}}", "price": "{{?PRICE}}", "stock": {{?NUMBER}}, "vendor": "{{?COMPANY}}"}}
%% json_record/052
{"account": {"email": "{{EMAIL_ADDRESS#1}}", "login": "{{EMAIL_ADDRESS#1}}", "display_name": "{{PERSON#1}}", "greeting": "Welcome back, {{PERSON#1}}!"}}
%% json_record/053
{"items": [{"item": "{{?PRODUCT}}", "sku": "{{?SKU}}", "unit_price": "{{?PRICE}}"}, {"item": "{{?PRODUCT}}", "sku": "{{?SKU}}", "unit_price": "{{?PRICE}}"}], "idempotency_key": "{{?UUID}}", "po_number": "{{?ORDER_ID}}"}
%% json_record/054
{"job_id": "{{?UUID}}", "trace_id": "{{?HEX_ID}}", "cache_key": "product:{{?SKU}}", "upstream": "https://{{?HOSTNAME}}/v2/catalog/items", "status": {{?HTTP_STATUS}}}
%% json_record/055
{"brand": "{{?COMPANY}}", "title": "{{?PRODUCT}}", "manufacturer": "{{?COMPANY}}", "launched": "{{?DATE}}", "discount": "{{?PERCENT}}"}
%% json_record/056
{"request_id": "{{?UUID}}", "customer": {"name": "{{PERSON}}", "email": "{{EMAIL_ADDRESS}}"}, "order": {"item": "{{?PRODUCT}}", "vendor": "{{?COMPANY}}", "total": "{{?PRICE}}"}}
%% json_record/057
{"payout": {"account_iban": "{{IBAN_CODE}}", "fallback_account": "{{BANK_ACCOUNT}}", "memo": "payout to the account on file"}, "idempotency_key": "{{?UUID}}", "requested_by": "{{USERNAME}}"}
%% json_record/058
{"event": "auth.password_reset", "trace_id": "{{?HEX_ID}}", "user": {"login": "{{EMAIL_ADDRESS}}", "handle": "{{USERNAME}}"}, "note": "{{CONTEXT}}", "host": "{{?HOSTNAME}}"}
%% json_record/059
{"traveler": {"full_name": "{{PERSON}}", "passport": "{{PASSPORT}}", "dob": "{{DATE_OF_BIRTH}}"}, "booking": {"job_ref": "{{?UUID}}", "product": "{{?PRODUCT}}", "supplier": "{{?COMPANY}}"}}
"""
