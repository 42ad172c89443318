import json,re,collections
SRC='/work/shared/data/sentiment/semeval2013-2016-train.jsonl'
rows=[json.loads(l) for l in open(SRC)]
# company handles (exact, lower-case, without @)
H=set('''amazon amazonhelp amazonuk amazonin amazonvideo amazonprime amazonkindle kindle netflix netflixuk netflix_ca netflixhelps
tmobile tmobilehelp johnlegere verizon verizonwireless vzwsupport verizonfios comcast comcastcares xfinity xfinitysupport att attcares
sprint sprintcare playstation askplaystation playstationuk sonyuk sony sonyxperia xbox xboxsupport xboxone xboxuk majornelson
apple applesupport applemusic appstore itunes ios samsung samsungmobile samsungmobileus samsungsupport samsunguk microsoft microsofthelps
microsoftstore windows windowssupport msftnews skype skypesupport outlook office youtube twitter twittersupport facebook instagram snapchat
spotify spotifycares hulu hulu_support hbo hbogo uber uber_support ubersupport lyft airbnb airbnbhelp ebay askebay paypal askpaypal walmart target
bestbuy bestbuysupport tesco sainsburys asda argos argoshelpers currys morrisons starbucks mcdonalds burgerking dunkindonuts chipotle
chipotletweets subway dominos pizzahut kfc tacobell wendys nandos nandos_usa costacoffee greggs amctheatres cineworld odeoncinemas vuecinemas
regalmovies ticketmaster ticketmasteruk tickethelpaus stubhub eventim_uk axs axs_uk seetickets nationalrailenq virgintrains southernrailuk
amtrak eurostaruk delta united americanair southwestair jetblue ryanair easyjet british_airways emirates aircanada virginatlantic virginamerica
askairasia airasia fedex ups usps royalmail dhl hermesparcels bankofamerica chase wellsfargo barclays barclaysuk hsbc hsbc_uk natwest
natwest_help lloydsbank santanderuk askamex americanexpress askbankofscot ee o2 vodafone vodafoneuk threeuk bt bt_uk btcare virginmedia sky
skyhelpteam directv directvservice dish timewarner twcable twc_help charter spectrum cox dell dellcares hp hpsupport lenovo motorola
motorolaindia motorolauk motorolasupport motorolaus nokia lumia lumiaus blackberry blackberryhelp htc lg lgus flipkart flipkartsupport
snapdeal ea easportsfifa askeasupport origininsider steam steam_games nintendo nintendoamerica nintendouk bungie bungiehelp activision
rockstargames rockstarsupport ubisoft ubisoftsupport treyarch adobe adobecare dropbox google googleuk googleindia gmail android nikestore nike
adidas adidasuk asos asos_heretohelp zara hm primark marksandspencer johnlewis next boots superdrug ikea homedepot lowes costco kmart sears
macys nordstrom gap oldnavy forever21 topshop konamisupport konami beatssupport beatsbydre telussupport telus rogers bell bellcanada
britishgashelp britishgas edfenergy eon npower scottishpower thameswater primus wwenetwork wwe2k wwegames 505_games bandainamcous
ebgamesaus gamestop game_uk grubhub seamless deliveroo ukjusteat justeat postmates doordash instacart zappos etsy shopify squarespace wordpress
tumblr linkedin pinterest yahoo yahoomail aol hotmail mozilla firefox chrome opera whatsapp viber tinder groupon livingsocial
expedia hotels_com bookingcom tripadvisor marriott hilton holidayinn travelodge premierinn enterprise hertz avis zipcar cadburyuk lexus fiatusa
officiallexusuk motorworldlexus toyota ford honda nissan tesla teslamotors mcfchelp askitalian orvisuk smokinbonesuk worldsoccershop
ferraristore periplus_store bluenunuk krispykreme pepsi cocacola redbull'''.split())
def handles(t): return [h[1:].lower() for h in re.findall(r'@\w+',t)]
def care_handle(h): return h in H or re.search(r'(help|helps|support|care|cares|service|heretohelp|helpers)$',h) or h.startswith('ask')
BRAND=r'''amazon|netflix|t-?mobile|verizon|comcast|xfinity|at&t|at&amp;t|sprint|sony|playstation|psn|ps4|ps3|ps vita|xbox|xbl|apple|iphone|ipad|ipod|itunes|icloud|
macbook|ios ?\d|samsung|galaxy s\d|microsoft|windows ?(10|8|phone|7)|skype|outlook|hotmail|google|youtube|gmail|android|spotify|hulu|hbo ?go|uber|lyft|airbnb|ebay|paypal|
walmart|wal-mart|best ?buy|tesco|asda|sainsbury'?s|argos|currys|morrisons|starbucks|mcdonald'?s|mcdonalds|burger king|dunkin|chipotle|domino'?s|pizza hut|kfc|
taco bell|wendy'?s|nando'?s|costa|greggs|amc|cineworld|odeon|vue cinema|regal cinema|ticketmaster|stubhub|national rail|virgin trains|southern rail|amtrak|
delta|united airlines|american airlines|southwest|jetblue|ryanair|easyjet|easy jet|british airways|emirates|air canada|virgin atlantic|fedex|ups|usps|royal mail|dhl|hermes|
bank of america|wells fargo|barclays|hsbc|natwest|lloyds|santander|amex|american express|vodafone|o2|virgin media|sky ?(tv|go|sports|broadband|box|\+)|directv|
dish network|time warner|spectrum|dell|lenovo|motorola|moto [xge]|nokia|lumia|blackberry|bbm|htc|flipkart|snapdeal|ea sports|origin|steam|nintendo|wii ?u|3ds|bungie|
activision|rockstar|ubisoft|adobe|dropbox|kindle|fire tv|chromecast|nexus|pixel|facebook|twitter|instagram|snapchat|whatsapp|tumblr|yahoo|firefox|chrome|safari|
ikea|home depot|lowes|costco|kmart|target|macy'?s|gamestop|grubhub|deliveroo|just eat|zappos|etsy|groupon|expedia|marriott|hilton|premier inn|travelodge|
hertz|avis|enterprise rent|tesla|toyota|ford|honda|nissan|primark|asos|topshop|h&m|zara|boots|superdrug|john lewis|m&s|marks (and|&) spencer|nike|adidas|
subway|kohl'?s|jcpenney|walgreens|cvs|rite aid|safeway|kroger|whole foods|trader joe'?s|aldi|lidl|waitrose|co-op|poundland|ladbrokes|paddy ?power|bet365|
sky|bt|ee|three|verizon fios|cablevision|optimum|frontier|centurylink|charter|cox|mediacom|suddenlink|dish|roku|fitbit|gopro|beats|bose|canon|nikon|
hp|acer|asus|lg|htc|oneplus|xiaomi|huawei|mi ?\d|galaxy|note ?\d|iphone ?\d|ipad|mac'''
BRAND_RE=re.compile(r'(?<![\w@#])('+BRAND.replace('\n','')+r')(?!\w)',re.I)
CARE=r'''customer service|customer care|customer support|cust(omer)? serv|tech support|support|helpline|help ?desk|call cent(er|re)|my order|order(ed)?|refund|
delivery|deliver(ed|y)?|package|parcel|shipping|shipped|tracking|my account|account|subscription|subscribe|cancel(led|ed)?|bill(ing|ed)?|charged?|overcharged|fee|
warranty|replace(ment|d)?|return(ed)?|exchange|not working|doesn'?t work|won'?t (work|load|let|connect|open|update)|can'?t (log|sign|connect|download|get|access|play|stream|watch)|
keeps? (crashing|freezing|dropping)|crash(ed|es|ing)?|freez(e|es|ing)|glitch|bug|error|broken|broke|fault(y)?|stuck|outage|down|offline|no signal|signal|wi-?fi|internet|
connection|service|data|contract|upgrade|on hold|waited|waiting|still (no|not|haven'?t)|haven'?t (received|got)|never (received|arrived|came)|arrived|
tickets?|booking|booked|reservation|flight|train|delayed|cancellation|staff|manager|employee|cashier|rude|worst|terrible|awful|horrible|disappointed|
unacceptable|ridiculous|thank(s| you)|great service|excellent|love (you|your)|please (help|fix|add|bring|make)|help me|any(one|body) (know|help)|how (do|can) i|
why (is|does|can'?t|won'?t|did)|when (will|is|are|do)|fix|update|app|server|log ?in|password|store|shop|purchase(d)?|bought|receipt|voucher|coupon|gift card|
price|prices|queue|line|hold music'''
CARE_RE=re.compile(r'(?<!\w)('+CARE.replace('\n','')+r')(?!\w)',re.I)
EXTRA=re.compile(r"(?<!\w)(problems?|issues?|notified|emailed|e-?mailed me|customer|sucks|fail(ed|s)?|hate (you|your)|love (my|the) new|just (got|received|bought|ordered)|came today|came in the mail|requirements?|plan)(?!\w)",re.I)
STRONG=re.compile(r"(?<!\w)(customer (service|care|support)|my (order|package|parcel|delivery|account|bill|refund|subscription|booking|ticket|tickets|reservation|card|router|phone|internet|connection|broadband)|refund|tech support|helpline|warranty|replacement|cancel my|subscription|overcharged|charged me|still (waiting|haven'?t|no)|haven'?t (received|got)|never (received|arrived)|your (app|service|store|stores|staff|site|website|product|products|customer|company|team|shop|restaurant|cinema|branch|network|coverage|signal|wifi|support|delivery|driver|employees?|food|drinks?|coffee|prices?|games?|servers?|update)|(won'?t|can'?t|doesn'?t|isn'?t|not) (work|working|load|loading|connect|connecting|sign|log)|please (help|fix|add|bring|make|restock|respond|reply)|help me|dm me|dm'd|direct message|on hold|call cent(er|re)|store manager|ordered|delivered|out of stock|in stock|restock)(?!\w)",re.I)
cands=[];why=collections.Counter()
for r in rows:
    t=r['text']; hs=handles(t)
    ch=[h for h in hs if care_handle(h)]
    b=BRAND_RE.search(t); c=CARE_RE.search(t)
    reason=None
    if ch: reason='handle'
    elif b and c: reason='brand+care'
    elif b and EXTRA.search(t): reason='brand+extra'
    elif hs and STRONG.search(t): reason='anyhandle+strong'
    if reason:
        why[reason]+=1; cands.append(dict(id=r['id'],text=t,label=r['label'],reason=reason,brand=(b.group(0) if b else ''),handles=ch))
json.dump(cands,open('cands_raw.json','w'))
print(len(cands),why)
