# ruff: noqa: E501
"""Templates of genre ``sms``: short texts, notifications, OTP messages."""

GENRE = "sms"

RAW = r"""
%% sms/001
Your {{?COMPANY}} parcel {{?TRACKING_NO}} will arrive {{?WEEKDAY}} between {{?TIME}} and {{?TIME}}. Reply STOP to opt out.
%% sms/002
hey its {{PERSON}}, new number! save it
%% sms/003
Ur appointment is confirmed for {{?DATE}} at {{?TIME}}. To cancel reply C.
%% sms/004
Running late, there in {{?DURATION}}
%% sms/005
Call me back on {{PHONE_NUMBER}} when u can, it's about the flat
%% sms/006
{{?COMPANY}}: a payment of {{?PRICE}} was made with your card ending {{?NUMBER}}. Not you? Call us.
%% sms/007
Your verification code for {{?COMPANY}} is ready. Never share it with anyone.
%% sms/008
hi mum, lost my phone, this is my new number. can u send {{?PRICE}} to {{IBAN_CODE}} urgently pls
%% sms/009
Flight {{?FLIGHT_NO}} to {{?AIRPORT}} is delayed. New departure {{?TIME}}, gate B{{?NUMBER}}.
%% sms/010
the address is {{STREET_ADDRESS}}, ring twice
%% sms/011
ok see u at 7
%% sms/012
Reminder: your {{?PLAN}} plan renews tomorrow ({{?PRICE}}).
%% sms/013
{{PERSON}} shared a location with you. {{CONTEXT}}
%% sms/014
Happy bday!!! 🎉🎂
%% sms/015
Your bank: new login to online banking from {{IP_ADDRESS}} at {{?TIME}}. If this wasn't you call {{PHONE_NUMBER}}.
%% sms/016
wifi pw is {{PASSWORD}}
%% sms/017
Order {{?ORDER_ID}} delivered. Rate your experience: 1-5
%% sms/018
msg from {{PERSON}}: {{CONTEXT}}
%% sms/019
can u email it to {{EMAIL_ADDRESS}}? my phone died. {{CONTEXT}}
%% sms/020
Dr office: {{PERSON}}, your test results are ready. Please call {{PHONE_NUMBER}} to discuss.
%% sms/021
Bin collection moved to {{?WEEKDAY}} this week due to the holiday.
%% sms/022
Tu cita en {{?CITY}} es el {{?DATE}} a las {{?TIME}}. Trae tu DNI {{NATIONAL_ID}}.
%% sms/023
Payment received: {{?PRICE}} from {{PERSON}}. Ref {{?PAYMENT_REF}}.
%% sms/024
Login: {{USERNAME}} / temp pass {{PASSWORD}} - change it after first login
%% sms/025
Your table for {{?NUMBER}} at {{?TIME}} is confirmed. See you {{?WEEKDAY}}!
%% sms/026
Deine Sendung {{?TRACKING_NO}} wurde im Paketshop in {{?CITY}} abgelegt.
%% sms/027
pls send ur account no for the refund. mine is {{BANK_ACCOUNT}} btw if u owe me lol
%% sms/028
{{?COMPANY}} alert: data usage at {{?PERCENT}} of your monthly allowance.
%% sms/029
Hi {{PERSON}}, your driver test is booked for {{?DATE}}. Bring license permit {{US_DRIVER_LICENSE}} and {{CONTEXT}}.
%% sms/030
Sorry wrong number!
%% sms/031
Passport ready for collection at {{?CITY}} office. Ref {{?CASE_NO}}. Bring old passport {{PASSPORT}}.
%% sms/032
dinner at {{?TIME}}? {{PERSON}} is coming too
%% sms/033
Your Uber is arriving in {{?DURATION}}. Look for a grey Toyota.
%% sms/034
Ciao! Il tuo ordine {{?ORDER_ID}} è in consegna oggi. {{CONTEXT}}
%% sms/035
card {{CREDIT_CARD}} blocked after 3 wrong PINs. Visit a branch.
%% sms/036
Price drop! {{?PRODUCT}} now {{?PRICE}} ({{?PERCENT}} off) until {{?WEEKDAY}}.
%% sms/037
Security code sent to {{PHONE_NUMBER}}. Do not share. Requested from {{IP_ADDRESS}}.
%% sms/038
ssn for the form is {{US_SSN}}, dob {{DATE_OF_BIRTH}} - delete this after
%% sms/039
check my page {{URL}} 😎
%% sms/040
{{CONTEXT}}
%% sms/041
New login to your account {{USERNAME}}. Not you? {{CONTEXT}}
%% sms/042
hey {{PERSON}} {{CONTEXT}} xx
%% sms/043
DMV: license {{US_DRIVER_LICENSE}} renewed, new card mailed to {{STREET_ADDRESS}}.
%% sms/044
Ur new wifi password: {{PASSWORD}}. {{CONTEXT}}
%% sms/045
Embassy: visa for passport {{PASSPORT}} approved. Collect {{?WEEKDAY}} with ID {{NATIONAL_ID}}.
%% sms/046
{{PERSON#1}}? its {{PERSON#2}} from the gym. {{PERSON#1}} right? my number is {{PHONE_NUMBER}}
%% sms/047
{{?COMPANY}}: your order {{?ORDER_ID}} ({{?PRODUCT}}) has shipped. Track: {{?TRACKING_NO}}
%% sms/048
Reminder: your {{?PRODUCT}} subscription renews {{?DATE}} for {{?PRICE}}. Reply HELP for help.
%% sms/049
{{?COMPANY}}: we texted a verification code to {{PHONE_NUMBER}}. Never share it, not even with us.
%% sms/050
pw for the shared account is {{PASSWORD}} (told u on the phone, writing it here so u have it)
%% sms/051
hi its {{PERSON}}, can u transfer the rent to {{IBAN_CODE}} this time? old account {{BANK_ACCOUNT}} is closed
%% sms/052
Card alert: {{?PRICE}} at {{?MERCHANT}} on {{?DATE}}. Not you? Call the number on the back of your card. Ref {{?PAYMENT_REF}}
%% sms/053
Hi {{PERSON}}, your appointment is confirmed for {{?WEEKDAY}} {{?TIME}}. Reply to {{PHONE_NUMBER}} to reschedule.
"""
