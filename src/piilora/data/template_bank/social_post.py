# ruff: noqa: E501
"""Templates of genre ``social_post``: tweets, forum posts, reviews, profile bios, comments."""

GENRE = "social_post"

RAW = r"""
%% social_post/001
Just shipped {{?VERSION}} of our {{?PRODUCT}} integration 🚀 {{?PERCENT}} faster sync. Thanks to everyone who tested it!
%% social_post/002
Follow me for more: {{URL}}
%% social_post/003
@{{USERNAME}} thanks for the shoutout!! 🙌
%% social_post/004
Worst customer service ever. Waited {{?DURATION}} on hold with {{?COMPANY}} about order {{?ORDER_ID}}. #fail
%% social_post/005
Looking for a roommate in {{?CITY}}, DM me or text {{PHONE_NUMBER}}. {{CONTEXT}}
%% social_post/006
★★★★☆ Great {{?PRODUCT}}, battery lasts {{?DURATION}}. Shipping to {{?COUNTRY}} took {{?NUMBER}} days though.
%% social_post/007
Hiring! We're looking for a {{?JOB_TITLE}} in {{?CITY}}. Send your CV to {{EMAIL_ADDRESS}} 💼 {{CONTEXT}}
%% social_post/008
Bio: {{?JOB_TITLE}} @ {{?COMPANY}} | coffee & code | {{URL}}
%% social_post/009
Re: login issues - same here since the {{?VERSION}} update. Getting {{?ERROR_CODE}} on every attempt.
%% social_post/010
Congrats to {{PERSON}} on 10 years at {{?COMPANY}}! 🎉
%% social_post/011
Lost wallet near {{?CITY}} station, name on the cards is {{PERSON}}. If found please call {{PHONE_NUMBER}} 🙏 {{CONTEXT}}
%% social_post/012
PSA: {{?COMPANY}} is down for me too, {{?HTTP_STATUS}} on everything. Status page says "investigating".
%% social_post/013
Thread 🧵 on how we cut our cloud bill by {{?PERCENT}}: 1/ rightsizing, 2/ spot instances, 3/ killing zombie buckets
%% social_post/014
Selling my {{?PRODUCT}}, barely used, {{?PRICE}}. Pickup at {{STREET_ADDRESS}} or ship.
%% social_post/015
lol @{{USERNAME#1}} and @{{USERNAME#2}} arguing about tabs vs spaces again
%% social_post/016
Anyone know if the {{?FLIGHT_NO}} to {{?AIRPORT}} is cancelled? Stuck at the gate for {{?DURATION}}.
%% social_post/017
My new blog post is up: {{URL}} - {{CONTEXT}}
%% social_post/018
Reply to {{USERNAME}}: that's not how the API works, check the docs for {{?PATH}}
%% social_post/019
Posted in r/personalfinance: got a letter saying my SSN {{US_SSN}} was used to open an account. What do I do??
%% social_post/020
Happy {{?WEEKDAY}}! New recipe on the channel 🍝
%% social_post/021
Event tonight at {{?TIME}}, {{?ROOM}}. Free entry, bring friends!
%% social_post/022
Just got scammed by someone claiming to be from {{?COMPANY}}. They asked for my card {{CREDIT_CARD}} and the code. Don't fall for it.
%% social_post/023
{{PERSON}} (@{{USERNAME}}) · {{?DATE}}
Big news: I'm joining {{?COMPANY}} as {{?JOB_TITLE}}! {{CONTEXT}}
%% social_post/024
Comment: the {{?PRODUCT}} costs {{?PRICE}} in {{?COUNTRY}} but {{?PRICE}} here. Why?
%% social_post/025
¡Gracias a todos por venir! Fotos en {{URL}} 📸
%% social_post/026
Neuer Beitrag: Wie wir {{?PRODUCT}} in {{?DURATION}} migriert haben. Link in Bio.
%% social_post/027
giveaway time!! follow + tag 2 friends. winner announced {{?DATE}}
%% social_post/028
Open source update: {{?NUMBER}} stars, {{?NUMBER}} contributors. Release {{?VERSION}} out now.
%% social_post/029
Found a dog near {{STREET_ADDRESS}}, brown, no collar. Owner pls contact {{PHONE_NUMBER}} or {{EMAIL_ADDRESS}}
%% social_post/030
My portfolio is finally live → {{URL}}. Feedback welcome! {{CONTEXT}}
%% social_post/031
Review: hotel was clean, staff friendly, breakfast {{?PRICE}} extra. 4/5. Stayed at {{?HOTEL}}, {{?CITY}}.
%% social_post/032
Oops, the screenshot I just posted showed my password ({{PASSWORD}}). Changed it already, don't bother 😅
%% social_post/033
Shoutout to @{{USERNAME}} for fixing the bug in {{?DURATION}} 🔥
%% social_post/034
Anyone else's {{?COMPANY}} bill jump {{?PERCENT}} this month?
%% social_post/035
IG: {{USERNAME#1}} | Tiktok: {{USERNAME#1}} | {{URL}}
%% social_post/036
Benvenuti al nostro nuovo negozio a {{?CITY}}! Sconto {{?PERCENT}} fino a {{?WEEKDAY}}.
%% social_post/037
I'm at the conference in {{?CITY}} - ping me at {{EMAIL_ADDRESS}} if you want to meet. {{CONTEXT}}
%% social_post/038
ugh, {{CONTEXT}}. anyone else?
%% social_post/039
Warning: fake giveaway accounts are DMing people asking for their bank account ({{BANK_ACCOUNT}} was the number they sent me to "verify"). Report them!
%% social_post/040
{{PERSON}} wrote: "{{CONTEXT}}" 😂
%% social_post/041
New on the blog → {{URL}}
%% social_post/042
my router admin password is literally {{PASSWORD}} and I just realised it's on a sticker on the box lol
%% social_post/043
Devs: stop pasting tokens like {{SECRET}} into public issues. Yes, that one is revoked now. {{CONTEXT}}
%% social_post/044
Replying to @{{USERNAME#1}}
agree 100%, {{USERNAME#1}} said this last year too. {{CONTEXT}}
%% social_post/045
Unboxing the {{?PRODUCT}} from {{?COMPANY}} today. {{?PRICE}} well spent? Full review on {{?WEEKDAY}}.
%% social_post/046
PSA: {{?HOSTNAME}} was returning {{?HTTP_STATUS}} for {{?DURATION}} this morning. Status page says fixed in {{?VERSION}}.
%% social_post/047
Thanks @{{USERNAME#1}} for the tip! And huge thanks to {{PERSON}} who found my lost wallet 🙏 cc @{{USERNAME#2}}
%% social_post/048
Lesson learned: my old password was {{PASSWORD}} and the new one is definitely not on a sticky note. {{CONTEXT}}
%% social_post/049
Selling my {{?PRODUCT}}, barely used, {{?PRICE}}. DM me or text {{PHONE_NUMBER}}. Pickup in {{?CITY}} only.
%% social_post/050
New post on my blog ({{URL}}) about migrating off {{?COMPANY}}. Feedback welcome, I'm {{USERNAME}} pretty much everywhere.
"""
