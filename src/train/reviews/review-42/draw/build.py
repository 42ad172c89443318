import json,re,random,collections
SD='/work/shared/data'
cands=json.load(open('cands_sorted.json'))
judg=[l.rstrip('\n').split('\t') for l in open('judg.txt') if l.strip()]
# canonical company (for the per-company cap and companies.tsv)
CANON={'Xbox':'Microsoft','Microsoft Lumia':'Microsoft','PlayStation':'Sony','Apple Music':'Apple',
       'EA Sports':'EA','NFL Sunday Ticket':'DirecTV','BBC 6 Music':'BBC'}
# handles that belong to each company (lower case, without @)
HANDLES={'Microsoft':['microsoft','msau','microsofthelps','microsoftasia','windowssupport','windows','xboxsupport','xbox','lumia','lumiaus','lumiapilipinas'],
 'Amazon':['amazonhelp','amazonuk','amazon'],'T-Mobile':['tmobile','tmobilehelp'],'Sprint':['sprintcare','sprint','sprintsavings'],
 'Motorola':['motorolaindia','motorola','motorolauk','motorolasupport'],'Flipkart':['flipkart','flipkartsupport'],
 "Dunkin' Donuts":['dunkindonuts','dunkinboston','dunkincle'],'Samsung':['samsung','samsungmobileus'],'Netflix':['netflix','netflixuk'],
 'Nike':['nikestore','nike'],'EA':['easportsfifa','askeasupport','eaaccess'],'Bungie':['bungie','bungiehelp'],
 'Sony':['askplaystation','playstation','sonyuk'],'Apple':['appstore','applemusic'],'BBC':['bbcnews','bbc','bbcpolitics','bbc6music'],
 'Verizon':['vzwsupport'],'Virgin Media':['virginmedia'],'Comcast':['comcast'],'Twitter':['twitter'],'Treyarch':['treyarch'],
 'AMC Theatres':['amctheatres'],'Cineworld':['cineworld'],'Best Buy':['bestbuy'],'GAME':['gamenewcastle','gametelford','gamehull'],
 'Ticketmaster':['ticketmasteruk'],'AXS':['axs_uk'],'ASOS':['asos','asos_heretohelp'],'EE':['ee'],'Vodafone':['vodafonein'],
 'DirecTV':['directvservice'],'Facebook':['facebook'],'Three UK':['threeuk'],'Cadbury':['cadburyuk'],'RHS':['the_rhs'],
 "Nando's":['nandos_usa'],'Dish':['dish'],'Globe and Mail':['globeandmail'],'ASK Italian':['askitalian'],'Spider Holster':['spiderholster'],
 'AirAsia':['askairasia'],'RS Electronics':['rselectronics'],'Firecore':['firecore'],'Rockstar Games':['rockstargames'],
 'Virgin America':['virginamerica'],'8 Ball Pool':['8ballpool'],'Case-Mate':['casemateeurope'],'Stocard':['stocardapp'],
 'Tesco':['tesco'],'Starbucks':['starbucks'],'Airtel':['airtel_presence'],'WIND Mobile':['windmobile'],'Lexus':['lexus'],
 'Collector Corps':['collectorcorps'],'O2':['o2'],'NJ Transit':['njtransit'],'WWE Network':['wwenetwork'],'WWE':['wwe'],
 'Beats':['beatssupport'],'Odeon':['odeoncinemas'],'StrikeBuys':['strikebuys'],'Telus':['telussupport'],'American Express':['askamex'],
 'Adobe':['adobe'],'Local 12':['local12'],'Armello':['armellogame'],'HP':['hp'],'Bell':['bell'],'Smokin Bones':['smokinbonesuk'],
 'Bank of Scotland':['askbankofscot'],'Delta':['deltaassist'],"Sainsbury's":['sainsburys'],'Airbnb':['airbnbhelp'],
 'World Soccer Shop':['worldsoccershop'],'See Tickets':['seetickets'],'OnePlus':['oneplus_in'],'Rocksteady':['rocksteadygames'],
 'British Airways':['british_airways'],'Southwest':['southwestair'],'St. Louis Lambert Airport':['flystl'],'American Airlines':['americanair'],
 'Royal Mail':['royalmail'],'Secret Cinema':['withyourebelx'],'British Gas':['britishgashelp'],'Smite':['smitegame'],
 'Blowfish Studios':['blowfishstudios'],'Hulu':['hulu'],'Qantas':['qantas'],'EB Games':['ebgamesaus'],'Konami':['konamisupport'],
 'SKD Tactical':['skdtac'],'Nokia':['nokia'],'Manchester City':['mcfchelp'],'Globe Telecom':['talk2globe'],'Inside Time':['insidetimeuk'],
 'Downsview Park':['downsviewpark'],'Live Nation Lushington':['lnlushsg1'],'Eventim':['eventim_uk'],'Bandai Namco':['bandainamcous'],
 'Walmart':['walmart'],'Ryanair':['ryanair'],'Viagogo':['viagogo']}
OVERRIDE={509:'microsoft'}   # post about Skype but addressed to @Microsoft
def acme(idx,company,text):
    hs=[h[1:] for h in re.findall(r'@\w+',text)]
    own=HANDLES.get(company,[])
    if idx in OVERRIDE: pick=OVERRIDE[idx]
    else:
        pick=next((h.lower() for h in hs if h.lower() in own),None)
    if pick:
        t=re.sub('@'+re.escape(pick)+r'(?!\w)','@acmeair',text,flags=re.I)
        assert t!=text
        return t,'@'+pick
    return '@acmeair '+text,None
def norm(t):
    t=t.lower(); t=re.sub(r'https?://\S+|@\w+|^rt\b','',t); return set(re.findall(r'\w+',t))
def jac(a,b): return len(a&b)/len(a|b) if a and b else 0
# excluded posts
ex=set(l.split()[0] for l in open('/work/main/src/train/reviewed-ids.txt') if l.strip() and not l.startswith('#'))
extexts=[]
for f,key,pre in [('sentiment/airline-dev.jsonl','id',''),('conversations/twcs-dev.jsonl','tweet_id','twcs-'),('sentiment/semeval2013-2016-train.jsonl','id','')]:
    for l in open(f'{SD}/{f}'):
        r=json.loads(l)
        if pre+r[key] in ex: extexts.append(norm(r['text']))
print('excluded ids',len(ex),'texts found',len(extexts))
gen=[]
for i,co,ty in judg:
    i=int(i); c=cands[i]
    gen.append(dict(idx=i,id=c['id'],text=c['text'],company=CANON.get(co,co),sub=co,type=ty,n=norm(c['text'])))
print('genuine',len(gen),collections.Counter(g['type'] for g in gen))
byid=[g for g in gen if g['id'] in ex]
bydup=[g for g in gen if g['id'] not in ex and any(jac(g['n'],u)>=0.7 for u in extexts)]
print('excluded by id',len(byid),[g['idx'] for g in byid]); print('excluded by jaccard',len(bydup),[g['idx'] for g in bydup])
elig=[g for g in gen if g['id'] not in ex and g not in bydup]
# near-duplicates among eligible: keep the first by id
keep=[]
for g in sorted(elig,key=lambda g:g['id']):
    if any(jac(g['n'],k['n'])>=0.7 for k in keep): print('intra-dup dropped',g['idx']); continue
    keep.append(g)
print('eligible',len(keep),collections.Counter(g['type'] for g in keep))
# stratified quotas (largest remainder) from the eligible pool's type proportions
N=60; cnt=collections.Counter(g['type'] for g in keep); tot=sum(cnt.values())
raw={t:N*cnt[t]/tot for t in cnt}; q={t:int(raw[t]) for t in raw}
for t in sorted(raw,key=lambda t:-(raw[t]-q[t]))[:N-sum(q.values())]: q[t]+=1
print('quotas',q)
rnd=random.Random(42)
order=sorted(keep,key=lambda g:g['id']); rnd.shuffle(order)
per=collections.Counter(); taken={t:0 for t in q}; sample=[]
for g in order:
    if taken[g['type']]>=q[g['type']] or per[g['company']]>=5: continue
    if any(jac(g['n'],s['n'])>=0.7 for s in sample): continue
    sample.append(g); per[g['company']]+=1; taken[g['type']]+=1
    if len(sample)==N: break
assert len(sample)==N,len(sample)
random.Random(42).shuffle(sample)
with open('posts.jsonl','w') as f, open('companies.tsv','w') as h:
    for g in sample:
        t,used=acme(g['idx'],g['sub'] if g['sub'] in HANDLES else g['company'],g['text'])
        if g['sub'] not in HANDLES: t,used=acme(g['idx'],g['company'],g['text'])
        g['out']=t; g['used']=used
        f.write(json.dumps({'id':g['id'],'text':t,'handle':'customer'},ensure_ascii=False)+'\n')
        h.write(f"{g['id']}\t{g['company']}\t{g['text'].replace(chr(9),' ').replace(chr(10),' ')}\n")
json.dump([{k:v for k,v in g.items() if k!='n'} for g in sample],open('sample_debug.json','w'),indent=1,ensure_ascii=False)
print('types',collections.Counter(g['type'] for g in sample))
print('per company',sorted(per.items(),key=lambda x:-x[1]))
print('prefixed',sum(1 for g in sample if g['used'] is None))
