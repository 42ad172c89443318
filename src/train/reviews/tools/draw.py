# Draws a blind review's sample: unread airline tweets and first posts of TWCS conversations (the brand's handle
# replaced by @acmeair), leaving out every post read before (../reviewed-ids.txt), every labelled post, and their
# near-duplicates (Jaccard 0.7 on words). Writes posts.jsonl (for dry-run --json) and teams.jsonl (the real replies).
# usage (from the repository root): python3 src/train/reviews/tools/draw.py N_AIRLINE N_TWCS SEED OUTDIR
import json,re,random,sys,os
nA,nT,seed,out=int(sys.argv[1]),int(sys.argv[2]),int(sys.argv[3]),sys.argv[4]
os.makedirs(out,exist_ok=True)
M=os.path.abspath(os.path.join(os.path.dirname(__file__),'..','..','..','..'))
S=os.environ.get('CARELOOP_SHARED_DATA') or os.path.join(M,'..','shared','data')
lab=set(json.loads(l)['id'] for l in open(M+'/src/train/care-action-labels.jsonl'))
act=[json.loads(l) for l in open(S+'/conversations/actions-dev.jsonl')]
ids=set(l.split()[0] for l in open(M+'/src/train/reviewed-ids.txt') if not l.startswith('#'))
used=lab|set(a['id'] for a in act)|ids
air=[json.loads(l) for l in open(S+'/sentiment/airline-dev.jsonl')]
tw=[json.loads(l) for l in open(S+'/conversations/twcs-dev.jsonl')]
by={r['tweet_id']:r for r in tw}
def norm(t):
    t=t.lower(); t=re.sub(r'https?://\S+|@\w+|^rt\b','',t); return set(re.findall(r'\w+',t))
usedtexts=[norm(r['text']) for r in air if r['id'] in used]+[norm(a['text']) for a in act]+[norm(r['text']) for r in tw if 'twcs-'+r['tweet_id'] in used]
def dup(t):
    n=norm(t)
    return any(n and u and len(n&u)/len(n|u)>=0.7 for u in usedtexts)
fa=[r for r in air if r['id'] not in used and not dup(r['text'])]
ft=[r for r in tw if r.get('inbound') and not r.get('in_response_to_tweet_id') and 'twcs-'+r['tweet_id'] not in used and not dup(r['text'])]
rnd=random.Random(seed)
pa=rnd.sample(fa,min(nA,len(fa))); pt=rnd.sample(ft,min(nT,len(ft)))
posts=[]
for r in pa:
    posts.append({'id':r['id'],'text':r['text'],'handle':'customer'})
for r in pt:
    resp=[by.get(x) for x in (r.get('response_tweet_id') or '').split(',') if by.get(x)]
    brand=[x for x in resp if not x['inbound']]
    b=brand[0]['author_id'] if brand else None
    t=r['text']
    if b: t=re.sub('@'+re.escape(b)+r'\b','@acmeair',t,flags=re.I)
    if '@acmeair' not in t:
        t2=re.sub(r'@1\d{5,}\b','@acmeair',t,count=1)
        t=t2 if t2!=t else '@acmeair '+t
    team=brand[0]['text'] if brand else None
    posts.append({'id':'twcs-'+r['tweet_id'],'text':t,'handle':'customer','brand':b,'team':team})
rnd.shuffle(posts)
with open(out+'/posts.jsonl','w') as f:
    for p in posts: f.write(json.dumps({k:p[k] for k in ('id','text','handle')})+'\n')
with open(out+'/teams.jsonl','w') as f:
    for p in posts: f.write(json.dumps({'id':p['id'],'brand':p.get('brand'),'team':p.get('team')})+'\n')
print(len(fa),len(ft),len(posts))
