# Agreement between the care leads' labels and a second, blind labelling of the same posts (labels.jsonl).
# usage (from the repository root): python3 src/train/reviews/agreement-30/agreement.py
import json,os,collections
rows=[json.loads(l) for l in open(os.path.join(os.path.dirname(__file__),'labels.jsonl'))]
ACTIONS=["answer","ticket","apologize","thank","engage","escalate","ignore"]
def macro_f1(pairs):
    f=[]
    for a in ACTIONS:
        tp=sum(x==a and y==a for x,y in pairs); p=sum(y==a for x,y in pairs); g=sum(x==a for x,y in pairs)
        if p or g:
            pr=tp/p if p else 0; rc=tp/g if g else 0
            f.append(2*pr*rc/(pr+rc) if pr+rc else 0)
    return sum(f)/len(f)
for name in ['further labels','actions-dev',None]:
    part=[r for r in rows if name is None or r['set']==name]
    pairs=[(r['label'],r['relabel']) for r in part]
    print(f"{name or 'all':15} {len(part):4d} posts  macro-F1 {macro_f1(pairs):.3f}  accuracy {sum(x==y for x,y in pairs)/len(pairs):.3f}  "
          f"urgent agreement {sum(r['label_urgent']==r['relabel_urgent'] for r in part)/len(part):.3f}")
    print('    disagreements (label -> relabel):',collections.Counter(p for p in pairs if p[0]!=p[1]).most_common(6))
