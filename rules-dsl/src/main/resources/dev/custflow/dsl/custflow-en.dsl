# Custflow business language, English (docs/dsl.md explains every sentence; custflow-zh.dsl is the
# same language in Chinese, sentence for sentence). Loaded automatically for rules folders with .dslr
# files and no .dsl of their own. One sentence per line: "There is a customer" first, then one
# condition per "- " line; under "then" one action per line. Values in capitals are the Java names
# (CUSTOMER, HIGH, FOLLOW_UP...) or their Chinese labels (成交客户, 高...); a reason is the rest of the line, as text.
#
# A "# wake:" comment above a sentence is Custflow's, not Drools': the statement, with the sentence's
# values, is run for every customer after its rules, so the engine looks at the customer again when
# a time sentence ("no order for 60 days") becomes true although nothing happened to it.

# ---------------------------------------------------------------- conditions
# A longer sentence stands above a shorter one it begins with, so that Drools' expander tries it first.
[when]There is a customer=$c : dev.custflow.model.Customer( )
# the lifecycle
[when]- in stage {stage:\S+}=stage == dev.custflow.model.Stage.{stage}
[when]- not in stage {stage:\S+}=stage != dev.custflow.model.Stage.{stage}
[when]- who has been in stage {stage:\S+}=hasBeen(dev.custflow.model.Stage.{stage})
# wake: if ($c.getStageSince() != null) schedule.wakeAt($c, $c.getStageSince().plus(java.time.Duration.ofDays({days})));
[when]- in the current stage for at least {days:\d+} days=daysInStage >= {days}
[when]- whose stage a person set=stageSetByPerson
# wake: schedule.wakeAt($c, $c.daysAfterCreated({days}));
[when]- known for at least {days:\d+} days=daysSinceCreated >= {days}
# orders
# wake: if ($c.isHasOrdered()) schedule.wakeAt($c, $c.daysAfterLastOrder({days}));
[when]- with no order for {days:\d+} days=hasOrdered, daysSinceLastOrder >= {days}
[when]- who has never ordered=!hasOrdered
[when]- with at least {orders:\d+} orders in {days:\d+} days=ordersWithinDays({days}) >= {orders}
[when]- with at least {orders:\d+} orders=orderCount >= {orders}
[when]- who spent at least {amount:\d+} in total=totalSpentCents >= {amount}00L
[when]- who spent at least {amount:\d+} in {days:\d+} days=spentWithinDays({days}) >= {amount}
[when]- whose last order was at least {amount:\d+}=hasOrdered, lastOrderAmount >= {amount}
[when]- whose last {orders:\d+} orders each got smaller=amountFellOn({orders})
# wake: if ($c.getPredictedRepurchaseAt() != null) schedule.wakeAt($c, $c.getPredictedRepurchaseAt().minus(java.time.Duration.ofDays({days})));
[when]- due to reorder within {days:\d+} days=repurchaseDueWithin({days})
[when]- who bought {sku:\S+}=hasBought("{sku}")
[when]- who never bought {sku:\S+}=!hasBought("{sku}")
# service and satisfaction
[when]- with at least {complaints:\d+} complaints in {days:\d+} days=complaintsWithinDays({days}) >= {complaints}
[when]- with an open complaint=hasOpenComplaint
[when]- without an open complaint=!hasOpenComplaint
[when]- with at least {complaints:\d+} open complaints=openComplaints >= {complaints}
[when]- with at least {returns:\d+} returns in {days:\d+} days=returnsWithinDays({days}) >= {returns}
[when]- who answered an NPS of {nps:\d+} or less=lastNps >= 0, lastNps <= {nps}
[when]- who answered an NPS of at least {nps:\d+}=lastNps >= {nps}
[when]- who rated satisfaction {csat:\d+} or less=lastCsat >= 1, lastCsat <= {csat}
[when]- whose last review was {review:\S+}=lastReview == dev.custflow.model.Review.{review}
[when]- at risk of churn=atRisk
[when]- at churn risk level {level:\S+}=riskLevel == dev.custflow.model.Level.{level}
# contact with the customer
[when]- reached by a rep=repEngaged
[when]- not yet reached by a rep=!repEngaged
# wake: schedule.wakeAt($c, $c.daysAfterLastContact({days}));
[when]- not contacted by a rep for {days:\d+} days=daysSinceLastContact >= {days}
# wake: schedule.wakeAt($c, $c.daysAfterLastInteraction({days}));
[when]- with no interaction for {days:\d+} days=daysSinceLastInteraction >= {days}
[when]- with at least {interactions:\d+} interactions in {days:\d+} days=interactionsWithinDays({days}) >= {interactions}
[when]- who can be reached=contactable
[when]- who opted out of {via:\S+}=isOptedOut(dev.custflow.model.Channel.{via})
[when]- who accepts messages by {via:\S+}=!isOptedOut(dev.custflow.model.Channel.{via})
# sales
[when]- with a score of at least {score:\d+}=score >= {score}
[when]- with a score below {score:\d+}=score < {score}
[when]- with grade {grade:[A-D]}=grade == "{grade}"
[when]- who is an open lead=openLead
[when]- with BANT confirmed=bantComplete
[when]- with at least {deals:\d+} won deals=opportunitiesWon >= {deals}
[when]- who referred at least {referrals:\d+} customers=referralsRewarded >= {referrals}
[when]- without an owner=ownerId == null
[when]- owned by {rep:\S+}=ownerId == "{rep}"
[when]- in segment {segment:\S+}=segment == dev.custflow.model.Segment.{segment}
[when]- tagged {tag:\S+}=hasTag("{tag}")
[when]- not tagged {tag:\S+}=!hasTag("{tag}")
# the profile
[when]- in region {region:\S+}=region == "{region}"
[when]- in city {city:\S+}=city == "{city}"
[when]- in industry {industry:\S+}=industry == "{industry}"
[when]- with at least {employees:\d+} employees=companySize >= {employees}
[when]- with job title {title:\S+}=title == "{title}"
[when]- from channel {channel:\w+}=channel == "{channel}"
[when]- whose {key:\S+} is {value:\S+}=attribute("{key}") == "{value}"

# ---------------------------------------------------------------- actions
[then]Warn of churn at level {level:\S+} because {reason}=((dev.custflow.rules.Actions) drools.getKieRuntime().getGlobal("actions")).warnChurn($c, drools.getRule().getName(), dev.custflow.model.Level.{level}, "{reason}");
[then]Clear the churn warning of rule {rule} because {reason}=((dev.custflow.rules.Actions) drools.getKieRuntime().getGlobal("actions")).clearChurn($c, "{rule}", "{reason}");
[then]Create a task {kind:\S+} due in {days:\d+} days because {reason}=((dev.custflow.rules.Actions) drools.getKieRuntime().getGlobal("actions")).createTask($c, dev.custflow.action.TaskKind.{kind}, $c.getNow().plus(java.time.Duration.ofDays({days})), "{reason}");
[then]Send the message {template:\S+} by {via:\S+} because {reason}=((dev.custflow.rules.Actions) drools.getKieRuntime().getGlobal("actions")).requestMessage($c, dev.custflow.model.Channel.{via}, dev.custflow.action.Template.{template}, java.util.Map.of(), "{reason}");
[then]Tag the customer {tag:\S+} because {reason}=((dev.custflow.rules.Actions) drools.getKieRuntime().getGlobal("actions")).addTag($c, "{tag}", "{reason}");
[then]Remove the tag {tag:\S+} because {reason}=((dev.custflow.rules.Actions) drools.getKieRuntime().getGlobal("actions")).removeTag($c, "{tag}", "{reason}");
[then]Overrule a person and move the customer to stage {stage:\S+} because {reason}=((dev.custflow.rules.Actions) drools.getKieRuntime().getGlobal("actions")).overruleStage($c, dev.custflow.model.Stage.{stage}, "{reason}");
[then]Move the customer to stage {stage:\S+} because {reason}=((dev.custflow.rules.Actions) drools.getKieRuntime().getGlobal("actions")).changeStage($c, dev.custflow.model.Stage.{stage}, "{reason}");
[then]Open an opportunity because {reason}=((dev.custflow.rules.Actions) drools.getKieRuntime().getGlobal("actions")).createOpportunity($c, "{reason}");
[then]Return the lead to marketing because {reason}=((dev.custflow.rules.Actions) drools.getKieRuntime().getGlobal("actions")).recycleLead($c, "{reason}");
