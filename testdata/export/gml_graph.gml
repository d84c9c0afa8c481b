Creator "coauthor"
graph [
  directed 0
  node [
    id 0
    label "a\b"
    key "a b"
    papers 2
    first_year 2019
    last_year 2021
    affiliations "Univ. A; Dept <B>"
    degree 4
    core 2
    component 0
    strength 4.0
    betweenness 0.6
    closeness 0.8
    harmonic 4.5
    eigenvector 0.55
    pagerank 0.25
    clustering 0.3333333333
    effective_size 2.625
    efficiency 0.65625
    constraint 0.6931423611
    community 0
    topic 0
    topic_label "graph, network, centrality"
  ]
  node [
    id 1
    label "<b>x</b>"
    key "b x b"
    papers 2
    first_year 2019
    last_year 2021
    affiliations "Univ. A; Dept <B>"
    degree 2
    core 2
    component 0
    strength 3.0
    betweenness 0.0
    closeness 0.5
    harmonic 3.0
    eigenvector 0.4
    pagerank 0.15
    clustering 1.0
    effective_size 1.166666667
    efficiency 0.5833333333
    constraint 0.8125
    community 1
    topic 1
    topic_label "<i>html</i>, a|b"
  ]
  node [
    id 2
    label "Lone&#10;Author [x]_y `z`"
    key "lone author"
    papers 1
    degree 0
    core 0
    component 1
    strength 0.0
    betweenness 0.0
    closeness 0.0
    harmonic 0.0
    eigenvector 0.0
    pagerank 0.025
    clustering 0.0
    community 2
  ]
  node [
    id 3
    label "O&quot;Brien"
    key "o brien"
    papers 3
    first_year 2019
    last_year 2021
    affiliations "Univ. A; Dept <B>"
    degree 3
    core 2
    component 0
    strength 4.0
    betweenness 0.3333333333
    closeness 0.7
    harmonic 4.0
    eigenvector 0.5
    pagerank 0.25
    clustering 0.3333333333
    effective_size 1.875
    efficiency 0.625
    constraint 0.6640625
    community 1
    topic 1
    topic_label "<i>html</i>, a|b"
  ]
  node [
    id 4
    label "&#220;nal &amp; Co"
    key "unal co"
    papers 2
    first_year 2020
    last_year 2021
    degree 3
    core 2
    component 0
    strength 3.0
    betweenness 0.1
    closeness 0.65
    harmonic 3.5
    eigenvector 0.45
    pagerank 0.2
    clustering 0.6666666667
    effective_size 1.833333333
    efficiency 0.6111111111
    constraint 0.6875
    community 0
    topic 0
    topic_label "graph, network, centrality"
  ]
  node [
    id 5
    label "Zo&#235; *Star* | Pipe"
    key "zoe star pipe"
    papers 1
    first_year 2021
    last_year 2021
    degree 2
    core 2
    component 0
    strength 2.0
    betweenness 0.0
    closeness 0.45
    harmonic 2.5
    eigenvector 0.3
    pagerank 0.125
    clustering 1.0
    effective_size 1.0
    efficiency 0.5
    constraint 0.8350694444
    community 0
    topic 0
    topic_label "graph, network, centrality"
  ]
  edge [
    source 0
    target 1
    weight 1.0
    distance 1.0
    joint 1
    papers "p1"
  ]
  edge [
    source 0
    target 3
    weight 1.0
    distance 1.0
    joint 1
    papers "p1"
  ]
  edge [
    source 0
    target 4
    weight 1.0
    distance 1.0
    joint 1
    papers "p3"
  ]
  edge [
    source 0
    target 5
    weight 1.0
    distance 1.0
    joint 1
    papers "p3"
  ]
  edge [
    source 1
    target 3
    weight 2.0
    distance 0.5
    joint 2
    papers "p1; p5"
  ]
  edge [
    source 3
    target 4
    weight 1.0
    distance 1.0
    joint 1
    papers "p2"
  ]
  edge [
    source 4
    target 5
    weight 1.0
    distance 1.0
    joint 1
    papers "p3"
  ]
]
