# ruff: noqa: E501
"""Templates of genre ``support_ticket``: helpdesk tickets, bug reports, security tickets."""

GENRE = "support_ticket"

RAW = r"""
%% support_ticket/001
Ticket {{?TICKET_ID}} | Priority: High | Status: {{?STATUS}}
Subject: Cannot log in after password reset
Reporter: {{PERSON}} <{{EMAIL_ADDRESS}}>

After resetting my password I get "{{?ERROR_CODE}}" on every login attempt. Browser cache already cleared.
%% support_ticket/002
Ticket {{?TICKET_ID}}
Category: Billing
Customer reports being charged {{?PRICE}} twice for order {{?ORDER_ID}} on {{?DATE}}. Refund requested.
%% support_ticket/003
Summary: export job times out
Steps to reproduce:
1. Open Reports > Exports
2. Select {{?MONTH}}
3. Click "Export CSV"
Expected: file download. Actual: spinner for {{?DURATION}}, then {{?HTTP_STATUS}}.
Version: {{?VERSION}}
%% support_ticket/004
[SEC] Suspicious login activity
Account: {{USERNAME}}
Source IP: {{IP_ADDRESS#1}} ({{?COUNTRY}})
Previous IP: {{IP_ADDRESS#2}}
Time: {{?TIMESTAMP}}
Action taken: session revoked, password reset forced.
%% support_ticket/005
Hi, I ordered {{?QUANTITY}} {{?PRODUCT}} but received the wrong color. Order {{?ORDER_ID}}. Can you send the right one to {{STREET_ADDRESS}}? Thanks, {{PERSON}}
%% support_ticket/006
#{{?NUMBER}} - Printer on floor {{?NUMBER}} jams on every duplex job. Model {{?SKU}}, firmware {{?VERSION}}.
%% support_ticket/007
User {{PERSON}} ({{USERNAME}}) is locked out. Temporary password set to {{PASSWORD}}, user must change on next login. Closing ticket.
%% support_ticket/008
Internal note: customer sent full card number {{CREDIT_CARD}} in the chat transcript. Redacted from CRM, please purge the transcript per PCI policy.
%% support_ticket/009
Issue: webhook deliveries failing since {{?DATE}}
Endpoint returns {{?HTTP_STATUS}}; {{?NUMBER}} events queued. Retry policy: exponential, max {{?DURATION}}.
%% support_ticket/010
Hello support,
my phone number changed to {{PHONE_NUMBER}} and now I can't receive the 2FA codes. Can you update it on account {{EMAIL_ADDRESS}}? {{CONTEXT}}.
%% support_ticket/011
Priority: P2
Component: payments
{{?HTTP_METHOD}} {{?PATH}} returns {{?ERROR_CODE}} for {{?PERCENT}} of requests since release {{?VERSION}}.
%% support_ticket/012
Refund processed: {{?PRICE}} back to the original payment method. Ref {{?PAYMENT_REF}}. Allow 5-10 business days.
%% support_ticket/013
Reporter: {{PERSON}}
Affected user: {{USERNAME}}
Description: user accidentally committed an AWS secret key ({{SECRET}}) to a public repo. Key disabled at {{?TIME}}; need audit of CloudTrail for the last {{?DURATION}}.
%% support_ticket/014
Ticket {{?TICKET_ID}} merged into {{?TICKET_ID}} (duplicate).
%% support_ticket/015
Please change the bank details for my refund - new IBAN: {{IBAN_CODE}}, account holder {{PERSON}}.
%% support_ticket/016
Laptop asset {{?SKU}} assigned to {{PERSON}} ({{?DEPARTMENT}}). Shipping to home office: {{STREET_ADDRESS}}. Tracking {{?TRACKING_NO}}.
%% support_ticket/017
Bonjour, je n'arrive plus à me connecter depuis la mise à jour {{?VERSION}}. Message : "{{?ERROR_CODE}}". Merci de votre aide.
%% support_ticket/018
Customer says they never received order {{?ORDER_ID}}. Carrier status: {{?STATUS}}. Opened claim with {{?COMPANY}} on {{?DATE}}.
%% support_ticket/019
Ticket {{?TICKET_ID}} - Firewall request
Please allow {{IP_ADDRESS}} to reach {{?HOSTNAME}} on port {{?PORT}}. Requested by {{PERSON}}, approved by {{?DEPARTMENT}}.
%% support_ticket/020
SLA breach warning: {{?TICKET_ID}} has been open for {{?DURATION}} without a reply.
%% support_ticket/021
hello my account got hacked!!! someone changed the email to {{EMAIL_ADDRESS#1}}, my real one is {{EMAIL_ADDRESS#2}}. username {{USERNAME}}. please help asap
%% support_ticket/022
Resolution: cleared the CDN cache for {{?PATH}} and bumped the asset version to {{?VERSION}}. Verified on {{?HOSTNAME}}.
%% support_ticket/023
Identity verification for account recovery:
Name: {{PERSON}}
DOB: {{DATE_OF_BIRTH}}
Last 4 of SSN provided; full SSN on file: {{US_SSN}}
Verified by agent at {{?TIMESTAMP}}.
%% support_ticket/024
Kunde meldet: Lieferung {{?ORDER_ID}} beschädigt, {{?QUANTITY}} Artikel betroffen. Ersatz wird verschickt.
%% support_ticket/025
Feature request: allow exporting invoices as PDF in bulk. {{?NUMBER}} customers asked for it this {{?MONTH}}.
%% support_ticket/026
Hi there, I think I was charged wrong. My card ends in... actually here is the full number {{CREDIT_CARD}}. Charged {{?PRICE}} on {{?DATE}}. {{CONTEXT}}
%% support_ticket/027
Escalated to tier 2: {{?PRODUCT}} crashes on startup with {{?ERROR_CODE}} ({{?VERSION}}, {{?COUNTRY}} locale). Logs attached ({{?FILE_SIZE}}).
%% support_ticket/028
Access request: {{PERSON}} needs read access to the {{?DEPARTMENT}} share. Username {{USERNAME}}. Manager approval attached.
%% support_ticket/029
Status changed from {{?STATUS}} to {{?STATUS}} by automation rule "auto-close after 7 days".
%% support_ticket/030
Caller: {{PERSON}}
Callback number: {{PHONE_NUMBER}}
Notes: wants to cancel {{?PLAN}} plan before renewal on {{?DATE}}. {{CONTEXT}}.
%% support_ticket/031
Customer asks why the invoice {{?INVOICE_NO}} shows VAT of {{?PERCENT}}. Explained reverse charge for business accounts in {{?COUNTRY}}.
%% support_ticket/032
Hola, no puedo acceder a mi cuenta. Mi usuario es {{USERNAME}} y el correo {{EMAIL_ADDRESS}}. {{CONTEXT}}.
%% support_ticket/033
Outage postmortem linked. Root cause: expired certificate on {{?HOSTNAME}}. Duration {{?DURATION}}. Follow-ups tracked in {{?TICKET_ID}}.
%% support_ticket/034
Driver update request: the fleet app rejects license {{US_DRIVER_LICENSE}} for {{PERSON}} as "invalid format". State: CA. Please check the validator.
%% support_ticket/035
Password reset link expired for user {{USERNAME}}. Re-sent at {{?TIME}}.
%% support_ticket/036
Need the API token regenerated for our integration - old one {{SECRET}} was exposed in a screenshot. Contact: {{EMAIL_ADDRESS}}.
%% support_ticket/037
Duplicate charge confirmed. Please credit {{?AMOUNT}} {{?CURRENCY}} to account {{BANK_ACCOUNT}} (holder {{PERSON}}).
%% support_ticket/038
Known issue - no action needed. Fix ships in {{?VERSION}}.
%% support_ticket/039
VPN connection drops every {{?DURATION}} on {{?PRODUCT}} client {{?VERSION}}. Reproduced on two laptops. Error: {{?ERROR_CODE}}.
%% support_ticket/040
Please update my shipping profile: {{STREET_ADDRESS}}, phone {{PHONE_NUMBER}}. {{CONTEXT}}.
%% support_ticket/041
Chargeback received for card {{CREDIT_CARD}} ({{?PRICE}}). Cardholder {{PERSON}} claims "{{CONTEXT}}". Evidence due {{?DATE}}.
%% support_ticket/042
Customer cannot verify identity: DL {{US_DRIVER_LICENSE}} rejected by the scanner, DOB {{DATE_OF_BIRTH}}. {{CONTEXT}}.
%% support_ticket/043
[SEC] Leaked credential report
Source: public paste site
Secret: {{SECRET}}
Owner: {{USERNAME}}
Status: revoked at {{?TIMESTAMP}}
%% support_ticket/044
Tax form issue: customer {{PERSON}} typed SSN {{US_SSN}} into the "notes" field instead of the tax ID field. Please move and purge.
%% support_ticket/045
Agent notes: {{CONTEXT}}. Customer prefers a callback after {{?TIME}}.
%% support_ticket/046
Customer reports that the password reset email never arrives. Temporary password issued over phone: {{PASSWORD}}. Account {{EMAIL_ADDRESS}}. {{CONTEXT}}.
%% support_ticket/047
Passport upload failed for booking {{?BOOKING_REF}}: "{{PASSPORT}}" flagged as invalid by OCR. Customer {{PERSON}}.
%% support_ticket/048
Requester: {{PERSON#1}} ({{EMAIL_ADDRESS#1}})
Issue: invoice {{?INVOICE_NO}} shows the wrong company name.
---
Reply sent to {{EMAIL_ADDRESS#1}}: Hi {{PERSON#1}}, we've corrected it and re-sent the invoice. {{CONTEXT}}.
%% support_ticket/049
Ticket {{?TICKET_ID}}: export job {{?UUID}} stuck in "queued" since {{?TIMESTAMP}}. Trace id {{?HEX_ID}}, worker host {{?HOSTNAME}}. No customer data involved.
%% support_ticket/050
Customer asks whether the {{?PRODUCT}} from {{?COMPANY}} works with the {{?PRODUCT}}. PO {{?ORDER_ID}}, item {{?SKU}}. Sent the compatibility matrix.
%% support_ticket/051
Caller passed the security questions. Temp password read out to her on the phone: {{PASSWORD}} (forced change at next login). Callback number {{PHONE_NUMBER}}, login {{EMAIL_ADDRESS}}.
%% support_ticket/052
Refund request {{?TICKET_ID}}: customer {{PERSON}} wants the money sent to {{IBAN_CODE}} instead of the card. The old account {{BANK_ACCOUNT}} is closed.
%% support_ticket/053
Login issue: user says "my username is {{USERNAME}} (not the email)". Matched {{PERSON}} in the legacy system with the same D.O.B. {{DATE_OF_BIRTH}}; merged the records. Request id {{?UUID}}.
%% support_ticket/054
[SEC] Key exposure: AWS_SECRET_ACCESS_KEY={{SECRET}} committed in {{?PATH}} by {{USERNAME}}. Rotated at {{?TIMESTAMP}}. {{CONTEXT}}.
"""
