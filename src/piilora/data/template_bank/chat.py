"""Templates of genre ``chat``: Slack/Teams/WhatsApp style messages and short threads."""

GENRE = "chat"

RAW = r"""
%% chat/001
pls send to {{EMAIL_ADDRESS}} thx
%% chat/002
[{{?TIME}}] {{USERNAME#1}}: deploy of {{?VERSION}} is done
[{{?TIME}}] {{USERNAME#2}}: nice, any errors?
[{{?TIME}}] {{USERNAME#1}}: nope, error rate flat
%% chat/003
anyone else getting {{?HTTP_STATUS}}s from {{?HOSTNAME}}? started like {{?DURATION}} ago
%% chat/004
hey! my new number is {{PHONE_NUMBER}}, save it :)
%% chat/005
lunch at {{?TIME}}? the place near {{?ROOM}} has a {{?PERCENT}} discount today
%% chat/006
{{PERSON}}: can u share the vpn password again
me: it's {{PASSWORD}} - don't paste it anywhere pls
%% chat/007
standup moved to {{?TIME}} tomorrow, {{?ROOM}}
%% chat/008
> where do I send the signed NDA?
to legal, or directly to {{PERSON}} ({{EMAIL_ADDRESS}})
%% chat/009
ok so the build on {{?BRANCH}} is red again, {{?NUMBER}} failing tests, mostly in {{?PATH}}
%% chat/010
btw {{CONTEXT}}
%% chat/011
Customer: Hi, I can't log in
Agent: Sorry to hear that! What's the username on the account?
Customer: {{USERNAME}}
Agent: Thanks, I've sent a reset link to the address on file.
%% chat/012
who broke staging?? {{?ERROR_CODE}} everywhere
%% chat/013
{{USERNAME}} joined the channel
%% chat/014
hola! te paso mi dirección para el paquete: {{STREET_ADDRESS}}. {{CONTEXT}}
%% chat/015
ticket {{?TICKET_ID}} is back in my queue, customer says the fix in {{?VERSION}} didn't help
%% chat/016
dude I just saw {{SECRET}} in the #general channel, is that the stripe live key?? rotate it
%% chat/017
can someone approve my PR? it's tiny, just bumps {{?PRODUCT}} sdk to {{?VERSION}}
%% chat/018
{{PERSON#1}} [{{?TIME}}]
you coming to the offsite on {{?DATE}}?
{{PERSON#2}} [{{?TIME}}]
yes! already booked {{?FLIGHT_NO}}
%% chat/019
my IP is {{IP_ADDRESS}} can you whitelist it on the bastion
%% chat/020
price went from {{?PRICE}} to {{?PRICE}} overnight lol
%% chat/021
sure, here's my card for the team dinner: {{CREDIT_CARD}}, exp on the back. delete after pls
%% chat/022
meeting notes are in the wiki under {{?DEPARTMENT}} / {{?MONTH}}
%% chat/023
hi {{PERSON}}! {{CONTEXT}}. let me know if u need anything else
%% chat/024
Hallo zusammen, kurze Info: der Server {{?HOSTNAME}} wird heute um {{?TIME}} neu gestartet.
%% chat/025
@{{USERNAME}} can you take a look at {{?TICKET_ID}} when you're back?
%% chat/026
my linkedin: {{URL}} - connect if you want
%% chat/027
order {{?ORDER_ID}} still says {{?STATUS}}, is that normal?
%% chat/028
got it, transferring now to {{IBAN_CODE}}. ref is the invoice number right?
%% chat/029
{{USERNAME#1}}: what's the db password for the replica
{{USERNAME#2}}: check the vault, not sending it here
{{USERNAME#1}}: vault is down lol
{{USERNAME#2}}: fine. {{PASSWORD}}
%% chat/030
k
%% chat/031
cpu on {{?HOSTNAME}} at {{?PERCENT}}, scaling to {{?NUMBER}} replicas
%% chat/032
ciao {{PERSON}}, ci vediamo {{?WEEKDAY}} alle {{?TIME}}? {{CONTEXT}}
%% chat/033
brb, {{?DURATION}}
%% chat/034
yo my email changed → {{EMAIL_ADDRESS}}. also {{CONTEXT}}
%% chat/035
Agent: For verification, can you confirm your date of birth and the last address we have on file?
User: {{DATE_OF_BIRTH}}, {{STREET_ADDRESS}}
%% chat/036
the invoice {{?INVOICE_NO}} for {{?COMPANY}} is {{?PRICE}}, not {{?PRICE}} - someone typo'd it
%% chat/037
thx {{PERSON}}!! 🙏
%% chat/038
i'll be at the {{?HOTEL}} in {{?CITY}} if anyone wants to grab a beer, room number later
%% chat/039
Bot: Your verification code was sent. Enter it below to continue.
%% chat/040
remind me what the wifi pw is? {{PASSWORD}}? or was that the old one
%% chat/041
hey, can you send the passport scan again? number came out blurry, is it {{PASSPORT}}?
%% chat/042
wer hat die Zugangsdaten für {{?HOSTNAME}}? user {{USERNAME}}, pw {{PASSWORD}} geht nicht mehr
%% chat/043
new dashboard: {{?HOSTNAME}}{{?PATH}} - bookmark it
%% chat/044
ugh the rental place wants my DL number, it's {{US_DRIVER_LICENSE}} right? can u check the photo i sent
%% chat/045
{{USERNAME}}: {{CONTEXT}}
%% chat/046
sending you the card for the hotel deposit: {{CREDIT_CARD}} - {{CONTEXT}}
%% chat/047
Agent: Could you confirm the last four digits of your SSN?
User: full one is {{US_SSN}}, whatever
Agent: Please never share your full SSN in chat. I've redacted it.
%% chat/048
{{PERSON#1}}: did you get my message?
{{PERSON#2}}: yes! {{CONTEXT}}
%% chat/049
quick q - is my national id {{NATIONAL_ID}} enough for the bank or do they need the passport too ({{PASSPORT}})?
%% chat/050
np! also {{CONTEXT}} 👍
%% chat/051
can u add my ip to the allowlist? {{IP_ADDRESS}} (home). {{CONTEXT}}
%% chat/052
here's the staging token {{SECRET}}, expires friday
%% chat/053
check out my github {{URL}} lmk what u think
%% chat/054
lol the coffee machine on {{?ROOM}} is broken again
%% chat/055
prod is back, {{?HOSTNAME}} responding in {{?DURATION}} again 🎉
%% chat/056
{{USERNAME#1}}: anyone seen my charger?
{{USERNAME#2}}: {{USERNAME#1}} check {{?ROOM}}, saw one there
{{USERNAME#1}}: found it ty
%% chat/057
anyone know why job {{?UUID}} keeps failing? trace {{?HEX_ID}}, it's hitting {{?HOSTNAME}} and getting {{?HTTP_STATUS}}
%% chat/058
finally ordered the {{?PRODUCT}} from {{?COMPANY}} 🙌 PO {{?ORDER_ID}}, should arrive {{?WEEKDAY}}
%% chat/059
{{USERNAME#1}}: what's the staging db password again?
{{USERNAME#2}}: it's basically {{PASSWORD}} lol, rotate it after the demo
{{USERNAME#1}}: ty
%% chat/060
tracked down {{PERSON}} in the old export, her old account was {{BANK_ACCOUNT}}. sending it over to {{IBAN_CODE}} now
%% chat/061
can you add me to the repo? (my handle is {{USERNAME}}) my work email is {{EMAIL_ADDRESS}} btw
%% chat/062
ok new number is {{PHONE_NUMBER}}, the code they texted me was from {{?COMPANY}} not you. {{CONTEXT}}
"""
