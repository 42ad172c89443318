# Draws customers' later posts in TWCS threads (replies within a conversation, with the posts before them), the brand's
# handle replaced by @acmeair throughout. POOL is "airline" (threads with an airline's care team: kept for blind reviews)
# or "other" (other brands' threads: for writing and checking the thread rules). Leaves out posts read before
# (../reviewed-ids.txt) and the multi-brand banter threads (ten or more handles in a post).
# Writes posts.jsonl (for dry-run --json, each with its "thread") and teams.jsonl (the real next reply).
# usage (from the repository root): python3 src/train/reviews/tools/threads.py POOL N SEED OUTDIR
import json,re,random,sys,os
pool,n,seed,out=sys.argv[1],int(sys.argv[2]),int(sys.argv[3]),sys.argv[4]
os.makedirs(out,exist_ok=True)
M=os.path.abspath(os.path.join(os.path.dirname(__file__),'..','..','..','..'))
S=os.environ.get('CARELOOP_SHARED_DATA') or os.path.join(M,'..','shared','data')
AIR={'British_Airways','Delta','AmericanAir','SouthwestAir','AirAsiaSupport','VirginAtlantic','AlaskaAir','JetBlue','united','VirginAmerica'}
ids=set(l.split()[0] for l in open(M+'/src/train/reviewed-ids.txt') if l.strip() and not l.startswith('#'))
tw=[json.loads(l) for l in open(S+'/conversations/twcs-dev.jsonl')]
by={r['tweet_id']:r for r in tw}
def chain(r):
    out=[];p=by.get(r.get('in_response_to_tweet_id'))
    while p: out.append(p); p=by.get(p.get('in_response_to_tweet_id'))
    return out[::-1]
def brand(r):
    for p in chain(r)+[by[x] for x in (r.get('response_tweet_id') or '').split(',') if x in by]:
        if not p['inbound']: return p['author_id']
def acme(t,b):
    return re.sub('@'+re.escape(b)+r'\b','@acmeair',t,flags=re.I) if b else t
rows=[]
for r in tw:
    if not r.get('inbound') or not r.get('in_response_to_tweet_id') or 'twcs-'+r['tweet_id'] in ids: continue
    b=brand(r); ch=chain(r)
    if not ch or len(re.findall(r'@\w+',r['text']))>=10: continue
    if (pool=='airline')!=(b in AIR): continue
    team=[by[x]['text'] for x in (r.get('response_tweet_id') or '').split(',') if x in by and not by[x]['inbound']]
    t=acme(r['text'],b)
    if '@acmeair' not in t: t='@acmeair '+t
    rows.append({'id':'twcs-'+r['tweet_id'],'text':t,'handle':'customer',
                 'thread':[{'brand':not p['inbound'],'text':acme(p['text'],b)} for p in ch],'brand':b,'team':team[0] if team else None})
rnd=random.Random(seed)
pick=rnd.sample(rows,min(n,len(rows)))
with open(out+'/posts.jsonl','w') as f:
    for p in pick: f.write(json.dumps({k:p[k] for k in ('id','text','handle','thread')})+'\n')
with open(out+'/teams.jsonl','w') as f:
    for p in pick: f.write(json.dumps({'id':p['id'],'brand':p['brand'],'team':p['team']})+'\n')
print(len(rows),len(pick))
