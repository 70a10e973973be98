# ruff: noqa: E501
"""Templates of genre ``email``: letters, notifications, threads, signatures."""

GENRE = "email"

RAW = r"""
%% email/001
Subject: Your order {{?ORDER_ID}} has shipped

Good news! Your package left our warehouse in {{?CITY}} on {{?DATE}}.
Carrier tracking number: {{?TRACKING_NO}}
Expected delivery: {{?WEEKDAY}}.

Thanks for shopping with {{?COMPANY}}.
%% email/002
From: {{PERSON#1}} <{{EMAIL_ADDRESS#1}}>
To: {{PERSON#2}} <{{EMAIL_ADDRESS#2}}>
Subject: Contract draft v3

Hi {{PERSON#2}},

attached is the revised draft. Call me at {{PHONE_NUMBER}} if anything is unclear. {{CONTEXT}}.

Best,
{{PERSON#1}}
%% email/003
Hi all,

the {{?DEPARTMENT}} sync moves to {{?WEEKDAY}} at {{?TIME}} in {{?ROOM}}. Agenda is unchanged.

Thanks
%% email/004
Dear {{PERSON}},

please transfer the deposit of {{?PRICE}} to IBAN {{IBAN_CODE}} and quote reference {{?INVOICE_NO}} so we can match the payment.

Kind regards,
Accounts Receivable, {{?COMPANY}}
%% email/005
Sehr geehrte Damen und Herren,

anbei erhalten Sie die Rechnung {{?INVOICE_NO}} über {{?PRICE}}. Zahlbar bis {{?DATE}} ohne Abzug.

Mit freundlichen Grüßen
Ihr {{?COMPANY}} Team
%% email/006
We noticed a new sign-in to your account {{EMAIL_ADDRESS}} from {{IP_ADDRESS}} ({{?CITY}}, {{?COUNTRY}}) on {{?DATE}} at {{?TIME}}.
If this wasn't you, reset your password right away.
%% email/007
I am out of the office until {{?DATE}} with limited access to email. For urgent matters please contact the {{?DEPARTMENT}} team.
%% email/008
Hi {{PERSON#1}},

your temporary credentials for the partner portal:
  username: {{USERNAME}}
  password: {{PASSWORD}}
You'll be asked to change the password at first login.

Cheers, {{PERSON#2}}
%% email/009
--
{{PERSON}}
{{?JOB_TITLE}} | {{?COMPANY}}
M: {{PHONE_NUMBER}}
{{URL}}
%% email/010
Scheduled maintenance: {{?HOSTNAME}} will be unavailable on {{?DATE}} from {{?TIME}} to {{?TIME}}. No action is required on your side.
%% email/011
Hey,

I accidentally pasted the prod API key ({{SECRET}}) into the public channel this morning. Could you rotate it asap? Sorry!!

{{PERSON}}
%% email/012
Bonjour,

votre commande {{?ORDER_ID}} sera livrée le {{?DATE}} entre {{?TIME}} et {{?TIME}}.

Cordialement,
Service client {{?COMPANY}}
%% email/013
Dear {{PERSON#1}},

thank you for your application. To prepare your visa invitation letter we need:
- full name as in passport: {{PERSON#1}}
- passport number: {{PASSPORT}}
- date of birth: {{DATE_OF_BIRTH}}

Best regards,
{{?DEPARTMENT}}
%% email/014
[CI] Build #{{?NUMBER}} failed on {{?BRANCH}} ({{?HEX_ID}}). 3 tests failed, see the job log for details.
%% email/015
Hi {{PERSON}}, quick one: could you update my payroll details? New account number is {{BANK_ACCOUNT}}, effective {{?MONTH}}. {{CONTEXT}}. Thanks!
%% email/016
Subject: RE: RE: Q3 numbers

see attached - revenue up {{?PERCENT}} vs last quarter, {{?AMOUNT}} {{?CURRENCY}} in new bookings. Let's discuss {{?WEEKDAY}}.
%% email/017
Hello,

I came across your profile ({{URL}}) and think you'd be a great fit for a {{?JOB_TITLE}} role at {{?COMPANY}}. Are you open to a 20-minute chat?

{{PERSON}}
%% email/018
Your {{?PLAN}} subscription renews on {{?DATE}} for {{?PRICE}}. You can change or cancel your plan any time in the billing settings.
%% email/019
Hola {{PERSON#1}},

te confirmo la reserva para el {{?DATE}}. Si hay algún cambio, llámame al {{PHONE_NUMBER}}.

Un saludo,
{{PERSON#2}}
%% email/020
Please ship the replacement to my new address:
{{PERSON}}
{{STREET_ADDRESS}}
Order ref {{?ORDER_ID}}, thank you.
%% email/021
Thanks for your purchase!
{{?QUANTITY}} x {{?PRODUCT}} ({{?SKU}}) - {{?PRICE}}
Order {{?ORDER_ID}} placed {{?DATE}}. Receipt attached as PDF.
%% email/022
{{PERSON#1}}, meet {{PERSON#2}} ({{EMAIL_ADDRESS}}) - she leads {{?DEPARTMENT}} at {{?COMPANY}} and has the answers you were looking for. I'll let you two take it from here.
%% email/023
To: {{EMAIL_ADDRESS#1}}
Cc: {{EMAIL_ADDRESS#2}}
Subject: Payment failed

Your card {{CREDIT_CARD}} was declined ({{?ERROR_CODE}}). Please update your payment method before {{?DATE}} to avoid interruption.
%% email/024
Reminder: the {{?COMPANY}} offices in {{?CITY}} are closed on {{?DATE}}. Support remains available via the help center.
%% email/025
Hi team,

for the background check vendor I need from each new hire: SSN, driver's license and date of birth. For {{PERSON}} we have SSN {{US_SSN}}, DL {{US_DRIVER_LICENSE}}, DOB {{DATE_OF_BIRTH}}. Please don't forward this thread.
%% email/026
Dear customer,

prices for {{?PRODUCT}} will change from {{?PRICE}} to {{?PRICE}} on {{?DATE}}. Existing annual plans keep their price until renewal.
%% email/027
Guten Tag {{PERSON}},

vielen Dank für Ihre Nachricht. Ihre Steuer-ID bzw. Personalausweisnummer {{NATIONAL_ID}} haben wir erhalten. Die Unterlagen werden bis {{?DATE}} geprüft.

Freundliche Grüße
%% email/028
Release {{?VERSION}} is live! Highlights: faster exports ({{?PERCENT}} quicker), new {{?PRODUCT}} integration, and {{?NUMBER}} bug fixes. Full changelog on the blog.
%% email/029
On {{?DATE}} at {{?TIME}}, {{PERSON#1}} <{{EMAIL_ADDRESS}}> wrote:
> can you resend the invoice? The old one had the wrong address.

Sure {{PERSON#1}} - corrected invoice attached, billing address now {{STREET_ADDRESS}}.
%% email/030
Hi,

your ticket {{?TICKET_ID}} has been resolved. If the problem comes back, reply to this email within 14 days and the ticket will reopen automatically.
%% email/031
Gentile {{PERSON}},

le confermiamo l'appuntamento di {{?WEEKDAY}} alle {{?TIME}}. {{CONTEXT}}.

Cordiali saluti
%% email/032
hey {{PERSON}} - forwarding the wifi creds for the offsite: network guest-offsite, password {{PASSWORD}}. {{CONTEXT}}
%% email/033
Your export is ready ({{?FILE_SIZE}}). The download link expires in {{?DURATION}}.
%% email/034
Dear {{PERSON}},

we received a request to change the payout account on your profile to {{IBAN_CODE}}. If you did not request this, contact us immediately at {{PHONE_NUMBER}}.

{{?COMPANY}} Security
%% email/035
Beste {{PERSON}},

hierbij de offerte voor {{?QUANTITY}} {{?PRODUCT}}, totaal {{?PRICE}} excl. btw. De offerte is geldig tot {{?DATE}}.

Met vriendelijke groet,
{{?COMPANY}}
%% email/036
Subject: Welcome aboard!

Welcome to {{?COMPANY}}! Your first day is {{?WEEKDAY}} {{?DATE}}. Please bring your passport ({{PASSPORT}}) or national ID for the I-9 check. {{CONTEXT}}.
%% email/037
Agenda for {{?WEEKDAY}}:
1. Budget review ({{?AMOUNT}} {{?CURRENCY}} left for {{?MONTH}})
2. Hiring plan for {{?DEPARTMENT}}
3. AOB
%% email/038
Hi {{PERSON}},

Just a heads-up that our shared drive moved to {{?HOSTNAME}}. My new login is {{USERNAME}} in case you need to share folders with me. {{CONTEXT}}.
%% email/039
Thank you for contacting {{?COMPANY}} support. Your request {{?TICKET_ID}} was received on {{?DATE}} and will be answered within 2 business days.
%% email/040
Can you please stop emailing my old address? Use {{EMAIL_ADDRESS}} from now on. {{CONTEXT}}.
%% email/041
Hi {{PERSON#1}},

per our call: wire {{?PRICE}} to account {{BANK_ACCOUNT}} at {{?COMPANY}}, reference {{?PAYMENT_REF}}. I'll confirm once it lands.

- {{PERSON#2}}
%% email/042
Action required: the SSL certificate for {{?HOSTNAME}} expires on {{?DATE}}. Renew it in the console or auto-renewal will retry in {{?DURATION}}.
%% email/043
Dear {{PERSON}},

we have updated the card on file to {{CREDIT_CARD}}. {{CONTEXT}}. If you did not make this change, call us at {{PHONE_NUMBER}}.

{{?COMPANY}} Billing
%% email/044
Hi {{PERSON}},

for the rental agreement I still need a copy of your driver's license ({{US_DRIVER_LICENSE}} is what we have - please confirm) and {{CONTEXT}}.

Thanks!
%% email/045
Subject: W-2 correction

Hi payroll, my SSN on the W-2 is wrong. Correct SSN: {{US_SSN}}. Address: {{STREET_ADDRESS}}. {{CONTEXT}}.
%% email/046
hey {{PERSON}},

the staging creds expired. new token is {{SECRET}} (valid {{?DURATION}}). don't commit it this time 🙃
%% email/047
Dear Sir or Madam,

I am writing to dispute a charge of {{?PRICE}} on my card {{CREDIT_CARD}} dated {{?DATE}}. {{CONTEXT}}.

Yours faithfully,
{{PERSON}}
%% email/048
Subject: Re: VPN access

Hi {{PERSON}}, your home IP {{IP_ADDRESS}} is now on the allowlist. Login with {{USERNAME}} and the one-time password {{PASSWORD}}; you'll set your own after the first connection.
%% email/049
Hi {{PERSON}},

thanks for the great talk! Slides and recording are on my site: {{URL}}. {{CONTEXT}}.
%% email/050
Dear {{PERSON#1}},

your account {{EMAIL_ADDRESS#1}} has been verified. From now on all notifications for {{PERSON#1}} will be sent to {{EMAIL_ADDRESS#1}}. {{CONTEXT}}.

The {{?COMPANY}} team
%% email/051
Subject: PO {{?ORDER_ID}} confirmed

Hello team,

{{?COMPANY}} confirmed {{?QUANTITY}} x {{?PRODUCT}} at {{?PRICE}} each, delivery {{?DATE}}. Reference job {{?UUID}}.

Procurement
%% email/052
Subject: Incident {{?TICKET_ID}} resolved

{{?HOSTNAME}} returned {{?HTTP_STATUS}} between {{?TIME}} and {{?TIME}}. Root cause: a stale cache key product:{{?SKU}}. Trace {{?HEX_ID}}.
%% email/053
Subject: Payment details

Hi {{PERSON#1}},

please wire it to account {{IBAN_CODE}} by {{?DATE}} and send the remittance advice to {{EMAIL_ADDRESS}}.

Thanks,
{{PERSON#2}}
%% email/054
Hi,

your account {{EMAIL_ADDRESS}} was unlocked. The temporary password we gave you over the phone is {{PASSWORD}} - change it at first login. If you didn't call us, ring {{PHONE_NUMBER}}.

{{?COMPANY}} Support
%% email/055
Subject: Re: onboarding

Located {{PERSON}} in the HR system, login is {{USERNAME}}, start date {{?DATE}}. The laptop ({{?PRODUCT}}) ships to {{STREET_ADDRESS}}. {{CONTEXT}}.
%% email/056
Subject: Your sandbox API key

Your key for the {{?COMPANY}} sandbox is {{SECRET}} - send it in the Authorization header. Requests go to https://{{?HOSTNAME}}/sandbox/v1; every response carries a request id like {{?UUID}}.
"""
