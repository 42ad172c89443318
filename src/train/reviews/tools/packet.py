# Writes a blind review's packet.md from posts.jsonl, teams.jsonl and drafts.jsonl (the output of dry-run --json).
# usage: python3 src/train/reviews/tools/packet.py DIR
import json,sys,re
d=sys.argv[1]
posts=[json.loads(l) for l in open(d+'/posts.jsonl')]
teams=[json.loads(l) for l in open(d+'/teams.jsonl')]
drafts=[json.loads(l) for l in open(d+'/drafts.jsonl')]
out=['# Posts and proposed replies','','Placeholders: "case #1234" and links with SAMPLE stand for a real ticket number and link; @customer stands for the author. '
     'Where the post reached another brand in real life, the reply its care team sent is shown too (the brand named as it was then), for the better / same / worse comparison.','']
for i,(p,t,dr) in enumerate(zip(posts,teams,drafts),1):
    out.append('## %d'%i)
    # A reply within a thread is shown with the posts before it, as a care agent sees it.
    for e in p.get('thread') or []:
        out.append('> Earlier, %s: %s'%('our care team' if e['brand'] else 'customer',re.sub(r'@1\d{5,}','@customer',e['text']).replace('\n',' ')))
    out.append('Post: '+p['text'].replace('\n',' '))
    r=dr.get('reply')
    if r:
        out.append('Proposed reply: '+r.replace('\n',' '))
    elif dr.get('action')=='ignore' or dr.get('action')=='hide':
        out.append('Proposed reply: no reply (left alone)')
    else:
        out.append('Proposed reply: no draft: handed to a person (no reply templates in the post\'s language)')
    if t.get('team'):
        out.append('Real team\'s reply: '+re.sub(r'@1\d{5,}','@customer',t['team']).replace('\n',' '))
    out.append('')
open(d+'/packet.md','w').write('\n'.join(out))
print(len(posts))
